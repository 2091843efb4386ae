package org.hotline.routing.directory.domain;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The jurisdiction directory: administrative units and the authorities covering them, indexed by
 * (type, unit) so that resolving a body for a place is a few hash look-ups. Immutable; a reload builds a new
 * one. Consistency (known units, unique ids, no escalation cycles) is checked by whoever builds it from files,
 * where the line of each mistake is known.
 */
public final class Directory {

    private final Map<String, AdministrativeUnit> units;
    private final Map<String, Authority> authorities;
    private final Map<TypeAndUnit, Authority> byTypeAndUnit;
    private final Set<AuthorityType> types;

    public Directory(Collection<AdministrativeUnit> units, Collection<Authority> authorities) {
        Map<String, AdministrativeUnit> unitIndex = new LinkedHashMap<>();
        units.forEach(unit -> unitIndex.put(unit.code(), unit));
        Map<String, Authority> authorityIndex = new LinkedHashMap<>();
        Map<TypeAndUnit, Authority> placeIndex = new HashMap<>();
        Set<AuthorityType> present = EnumSet.noneOf(AuthorityType.class);
        for (Authority authority : authorities) {
            authorityIndex.put(authority.id(), authority);
            // The first body listed for a type and unit wins: the file order states which one is the main office.
            placeIndex.putIfAbsent(new TypeAndUnit(authority.type(), authority.unit()), authority);
            present.add(authority.type());
        }
        this.units = Map.copyOf(unitIndex);
        this.authorities = Map.copyOf(authorityIndex);
        this.byTypeAndUnit = Map.copyOf(placeIndex);
        this.types = Set.copyOf(present);
    }

    public Optional<AdministrativeUnit> unit(String code) {
        return Optional.ofNullable(units.get(code));
    }

    public Optional<Authority> authority(String id) {
        return Optional.ofNullable(authorities.get(id));
    }

    /** The authority of this type that covers exactly this unit, if the directory lists one. */
    public Optional<Authority> covering(AuthorityType type, String unitCode) {
        return Optional.ofNullable(byTypeAndUnit.get(new TypeAndUnit(type, unitCode)));
    }

    /** Whether any authority of the type is listed at all. */
    public boolean hasType(AuthorityType type) {
        return types.contains(type);
    }

    public int unitCount() {
        return units.size();
    }

    public int authorityCount() {
        return authorities.size();
    }

    public List<Authority> authorities() {
        return List.copyOf(authorities.values());
    }

    /** The chain of ids from an authority up to the top of its escalation line, itself first. */
    public List<String> escalationLine(String authorityId) {
        List<String> line = new ArrayList<>();
        @Nullable Authority current = authorities.get(authorityId);
        while (current != null && !line.contains(current.id())) {
            line.add(current.id());
            current = current.superior() == null ? null : authorities.get(current.superior());
        }
        return List.copyOf(line);
    }

    private record TypeAndUnit(AuthorityType type, String unit) {
    }
}
