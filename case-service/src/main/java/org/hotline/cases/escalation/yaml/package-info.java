/** Reading the escalation feature's YAML data files into the domain, every problem with its line. */
@NullMarked
package org.hotline.cases.escalation.yaml;

import org.jspecify.annotations.NullMarked;
