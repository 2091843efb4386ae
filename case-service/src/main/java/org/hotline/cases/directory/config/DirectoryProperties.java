package org.hotline.cases.directory.config;

import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where the routing directory's authorities and units files are ({@code hotline.cases.directory.*}).
 *
 * @param location the authorities file, e.g. {@code file:/etc/hotline/directory/kz/authorities.yml} (the
 *     routing-directory ConfigMap that routing reads too) or the bundled
 *     {@code classpath:directory/kz/authorities.yml}, which the build copies from routing-service's sources. Read
 *     at start only: the service does not start on a file with a problem nor on one that lacks a body the ladder
 *     names, and a changed file takes effect at the next start
 * @param unitsLocation the units file, whose names of the places the console shows instead of their codes
 *     ({@code Kostanay Region}, not {@code KZ-39}): {@code file:/etc/hotline/directory/kz/units.yml} or the bundled
 *     {@code classpath:directory/kz/units.yml}. Read at start only; the service does not start on a file with a
 *     problem
 */
@Validated
@ConfigurationProperties("hotline.cases.directory")
public record DirectoryProperties(
        @DefaultValue("classpath:directory/kz/authorities.yml") @NotBlank String location,
        @DefaultValue("classpath:directory/kz/units.yml") @NotBlank String unitsLocation) {
}
