package org.hotline.deploy.checks;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import java.util.List;
import java.util.Map;

/**
 * The Prometheus operator's {@code PrometheusRule} (monitoring.coreos.com/v1). Its groups are Prometheus rule groups,
 * which promtool checks, so they are kept as plain values here.
 */
record PrometheusRule(
        @JsonProperty(required = true) String apiVersion,
        @JsonProperty(required = true) String kind,
        @JsonProperty(required = true) ObjectMeta metadata,
        @JsonProperty(required = true) Spec spec) {

    record Spec(@JsonProperty(required = true) List<Map<String, Object>> groups) {
    }
}
