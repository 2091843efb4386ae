package org.hotline.deploy.checks;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Reads rendered manifests into fabric8's typed Kubernetes API model, refusing anything the model does not know.
 *
 * <p>fabric8's classes keep unknown fields in {@code additionalProperties} instead of failing, so a typo such as
 * {@code replica:} would be read without complaint; this reader walks the whole object graph and rejects any
 * non-empty {@code additionalProperties}. Each kind is read into the class of its exact apiVersion, so an old
 * or misspelt apiVersion fails too.
 */
final class StrictKubernetesModel {

    /** The kinds this project deploys, by "apiVersion/kind". */
    private static final Map<String, Class<?>> KINDS = Map.ofEntries(
            Map.entry("v1/Namespace", Namespace.class),
            Map.entry("v1/ConfigMap", ConfigMap.class),
            Map.entry("v1/Secret", Secret.class),
            Map.entry("v1/Service", Service.class),
            Map.entry("apps/v1/Deployment", Deployment.class),
            Map.entry("apps/v1/StatefulSet", StatefulSet.class),
            Map.entry("policy/v1/PodDisruptionBudget", PodDisruptionBudget.class),
            Map.entry("networking.k8s.io/v1/NetworkPolicy", NetworkPolicy.class),
            Map.entry("kafka.strimzi.io/v1beta2/KafkaTopic", KafkaTopic.class),
            Map.entry("monitoring.coreos.com/v1/ServiceMonitor", ServiceMonitor.class),
            Map.entry("monitoring.coreos.com/v1/PrometheusRule", PrometheusRule.class));

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final ObjectMapper STRICT = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .build();

    private StrictKubernetesModel() {
    }

    /** Every document of a multi-document YAML stream, each as its typed model. */
    static List<Object> readAll(String yaml) {
        List<Object> documents = new ArrayList<>();
        try (JsonParser parser = YAML.getFactory().createParser(yaml)) {
            for (JsonNode node : YAML.readValues(parser, JsonNode.class).readAll()) {
                if (node != null && !node.isNull() && !node.isMissingNode()) {
                    documents.add(read(node));
                }
            }
        } catch (IOException e) {
            throw new InvalidManifestException("not YAML: " + e.getMessage(), e);
        }
        return documents;
    }

    static Object read(JsonNode document) {
        String apiVersion = document.path("apiVersion").asText();
        String kind = document.path("kind").asText();
        String name = document.path("metadata").path("name").asText();
        Class<?> type = KINDS.get(apiVersion + "/" + kind);
        if (type == null) {
            throw new InvalidManifestException("%s %s: no typed model for apiVersion '%s' kind '%s' (known: %s)"
                    .formatted(kind, name, apiVersion, kind, KINDS.keySet().stream().sorted().toList()));
        }
        Object model;
        try {
            model = STRICT.treeToValue(document, type);
        } catch (JsonProcessingException e) {
            throw new InvalidManifestException("%s %s does not match the %s model: %s"
                    .formatted(kind, name, type.getSimpleName(), e.getOriginalMessage()), e);
        }
        List<String> unknown = new ArrayList<>();
        collectUnknownFields(model, kind + " " + name, unknown);
        if (!unknown.isEmpty()) {
            throw new InvalidManifestException("%s %s has fields the Kubernetes API does not know: %s"
                    .formatted(kind, name, unknown));
        }
        return model;
    }

    private static void collectUnknownFields(Object value, String path, List<String> unknown) {
        if (value == null) {
            return;
        }
        if (value instanceof Collection<?> items) {
            int index = 0;
            for (Object item : items) {
                collectUnknownFields(item, path + "[" + index++ + "]", unknown);
            }
            return;
        }
        if (value instanceof Map<?, ?> entries) {
            entries.forEach((key, item) -> collectUnknownFields(item, path + "." + key, unknown));
            return;
        }
        Class<?> type = value.getClass();
        if (type.isRecord()) {
            for (RecordComponent component : type.getRecordComponents()) {
                collectUnknownFields(invoke(component.getAccessor(), value), path + "." + component.getName(),
                        unknown);
            }
            return;
        }
        if (!type.getName().startsWith("io.fabric8.kubernetes.api.model")) {
            return;
        }
        for (Method getter : getters(type)) {
            Object property = invoke(getter, value);
            if (getter.getName().equals("getAdditionalProperties")) {
                if (property instanceof Map<?, ?> extra && !extra.isEmpty()) {
                    extra.keySet().forEach(key -> unknown.add(path + "." + key));
                }
            } else {
                collectUnknownFields(property, path + "." + propertyName(getter), unknown);
            }
        }
    }

    private static List<Method> getters(Class<?> type) {
        List<Method> getters = new ArrayList<>();
        for (Method method : type.getMethods()) {
            if (method.getParameterCount() == 0 && !Modifier.isStatic(method.getModifiers())
                    && method.getName().startsWith("get") && !method.getName().equals("getClass")
                    && method.getDeclaringClass().getName().startsWith("io.fabric8.kubernetes.api.model")
                    && !method.getReturnType().isPrimitive()) {
                getters.add(method);
            }
        }
        getters.sort(Comparator.comparing(Method::getName));
        return getters;
    }

    private static String propertyName(Method getter) {
        String name = getter.getName().substring(3);
        return Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }

    private static Object invoke(Method method, Object target) {
        try {
            method.setAccessible(true);
            return method.invoke(target);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + method, e);
        }
    }

    /** A manifest that the Kubernetes API (or Strimzi's CRD) would refuse or silently misread. */
    static final class InvalidManifestException extends RuntimeException {

        InvalidManifestException(String message) {
            super(message);
        }

        InvalidManifestException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
