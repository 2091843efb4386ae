package org.hotline.notification.dispatch.domain;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The bodies of the routing directory by id. A routed complaint carries its bodies' addresses; the case service's
 * reminders and escalations name bodies by id only, and their letters find name, address and language here.
 */
public final class Directory {

    private final Map<String, Authority> byId;

    public Directory(Collection<Authority> authorities) {
        Map<String, Authority> ids = new LinkedHashMap<>();
        for (Authority authority : authorities) {
            if (ids.putIfAbsent(authority.id(), authority) != null) {
                throw new IllegalArgumentException("authority id '" + authority.id() + "' is listed twice");
            }
        }
        this.byId = Map.copyOf(ids);
    }

    public Optional<Authority> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    public int size() {
        return byId.size();
    }
}
