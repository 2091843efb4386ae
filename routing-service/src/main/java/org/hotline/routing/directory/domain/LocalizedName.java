package org.hotline.routing.directory.domain;

/** A name in the three languages the hotline works in. */
public record LocalizedName(String kk, String ru, String en) {
}
