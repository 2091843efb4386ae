/** Reading the deadline feature's YAML data files into the domain, every problem with its line. */
@NullMarked
package org.hotline.deadlines.yaml;

import org.jspecify.annotations.NullMarked;
