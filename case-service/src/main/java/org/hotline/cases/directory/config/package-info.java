@NullMarked
package org.hotline.cases.directory.config;

import org.jspecify.annotations.NullMarked;
