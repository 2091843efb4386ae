/** Reading the directory's YAML files (units, authorities) into the domain, every problem with its line. */
@NullMarked
package org.hotline.routing.directory.yaml;

import org.jspecify.annotations.NullMarked;
