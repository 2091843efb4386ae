package org.hotline.routing.directory.config;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where the jurisdiction directory lives ({@code hotline.routing.directory.*}).
 *
 * @param location the folder holding {@code units.yml}, {@code authorities.yml} and {@code rules.yml}, as a
 *     Spring resource location: {@code file:/etc/hotline/directory/} for an NGO's own folder, or the sample
 *     {@code classpath:directory/kz/} (whose contacts are fictional). Must end with a slash.
 * @param checkInterval how often the files are compared with the ones loaded, and reloaded when they differ;
 *     {@code 0s} turns the check off (a reload is then only on {@code POST /api/v1/routing/directory/reload})
 */
@Validated
@ConfigurationProperties("hotline.routing.directory")
public record DirectoryProperties(
        @DefaultValue("classpath:directory/kz/") @NotBlank String location,
        @DefaultValue("30s") @NotNull Duration checkInterval) {
}
