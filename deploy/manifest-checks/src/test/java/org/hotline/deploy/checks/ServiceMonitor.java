package org.hotline.deploy.checks;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.SecretKeySelector;
import java.util.List;

/**
 * The Prometheus operator's {@code ServiceMonitor} (monitoring.coreos.com/v1), as far as this project writes it.
 * fabric8 has no model for it; read with unknown properties refused, this record is as strict as the typed models.
 */
record ServiceMonitor(
        @JsonProperty(required = true) String apiVersion,
        @JsonProperty(required = true) String kind,
        @JsonProperty(required = true) ObjectMeta metadata,
        @JsonProperty(required = true) Spec spec) {

    record Spec(
            String jobLabel,
            NamespaceSelector namespaceSelector,
            @JsonProperty(required = true) LabelSelector selector,
            @JsonProperty(required = true) List<Endpoint> endpoints) {
    }

    record NamespaceSelector(List<String> matchNames) {
    }

    record Endpoint(
            @JsonProperty(required = true) String port,
            String path,
            String interval,
            BasicAuth basicAuth,
            List<Relabeling> relabelings) {
    }

    record BasicAuth(SecretKeySelector username, SecretKeySelector password) {
    }

    record Relabeling(List<String> sourceLabels, String regex, String targetLabel, String replacement) {
    }
}
