/**
 * System tests: the deployed services in containers built from the project's Dockerfiles, under faults and
 * load, with the promises of the system checked on what its topics and the SMTP server hold.
 */
@NullMarked
package org.hotline.systemtest;

import org.jspecify.annotations.NullMarked;
