/** Reading the rule book's YAML file, and building the routing engine from the three files. */
@NullMarked
package org.hotline.routing.rules.yaml;

import org.jspecify.annotations.NullMarked;
