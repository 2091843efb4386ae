package org.hotline.cases.escalation.domain;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An authority id of the routing directory with placeholders: {@code {region}} stands for the two digits of a
 * region's code ({@code kz-39-education}), {@code {district}} for the nine digits of a district's KATO code
 * ({@code kz-39-391010000-education}). A silent body's id fills the placeholders of its rungs' ids.
 */
public final class IdPattern {

    /** The placeholders and what each stands for. */
    public static final Map<String, String> PLACEHOLDERS = Map.of("region", "\\d{2}", "district", "\\d{9}");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z]+)}");

    private final String text;
    private final Pattern regex;
    private final List<String> names;

    private IdPattern(String text, Pattern regex, List<String> names) {
        this.text = text;
        this.regex = regex;
        this.names = List.copyOf(names);
    }

    /** @throws IllegalArgumentException naming an unknown or repeated placeholder */
    public static IdPattern of(String text) {
        Matcher matcher = PLACEHOLDER.matcher(text);
        StringBuilder regex = new StringBuilder();
        List<String> names = new ArrayList<>();
        int from = 0;
        while (matcher.find()) {
            String name = matcher.group(1);
            String digits = PLACEHOLDERS.get(name);
            if (digits == null) {
                throw new IllegalArgumentException("unknown placeholder {" + name + "} (known: {region}, {district})");
            }
            if (names.contains(name)) {
                throw new IllegalArgumentException("placeholder {" + name + "} appears twice");
            }
            names.add(name);
            regex.append(Pattern.quote(text.substring(from, matcher.start()))).append("(").append(digits).append(")");
            from = matcher.end();
        }
        regex.append(Pattern.quote(text.substring(from)));
        if (text.isBlank() || (text.contains("{") && names.isEmpty())) {
            throw new IllegalArgumentException("'" + text + "' is not an authority id");
        }
        return new IdPattern(text, Pattern.compile(regex.toString()), names);
    }

    /** The placeholders' values when {@code authorityId} has this pattern's shape. */
    public Optional<Map<String, String>> match(String authorityId) {
        Matcher matcher = regex.matcher(authorityId);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            values.put(names.get(i), matcher.group(i + 1));
        }
        return Optional.of(values);
    }

    /** This pattern with its placeholders filled in. */
    public String fill(Map<String, String> values) {
        String id = text;
        for (String name : names) {
            id = id.replace("{" + name + "}", values.get(name));
        }
        return id;
    }

    public List<String> placeholders() {
        return names;
    }

    @Override
    public String toString() {
        return text;
    }
}
