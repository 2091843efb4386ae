/** A development mailbox for the local stack and compose: SMTP in, HTTP listing and .eml files out. */
package org.hotline.deploy.mailcatcher;
