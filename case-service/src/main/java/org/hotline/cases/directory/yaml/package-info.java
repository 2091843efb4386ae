/** Reading the directory feature's YAML data files into the domain, every problem with its line. */
@NullMarked
package org.hotline.cases.directory.yaml;

import org.jspecify.annotations.NullMarked;
