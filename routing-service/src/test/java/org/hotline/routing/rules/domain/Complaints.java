package org.hotline.routing.rules.domain;

import java.time.LocalDate;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** Complaint facts for tests, built up from a neutral private-sector complaint in Almaty. */
final class Complaints {

    Set<Category> categories = Set.of(Category.OTHER);
    @Nullable Sector sector = Sector.PRIVATE;
    @Nullable WorkplaceType workplaceType = WorkplaceType.COMPANY;
    @Nullable AccusedRole accusedRole = AccusedRole.COLLEAGUE;
    boolean publicOfficial;
    boolean minor;
    boolean immediateDanger;
    ComplainantMode mode = ComplainantMode.OPEN;
    String country = "KZ";
    @Nullable String region = "KZ-75";
    boolean regionKnown = true;
    @Nullable String district;
    LocalDate day = LocalDate.of(2026, 11, 24);

    static Complaints complaint() {
        return new Complaints();
    }

    /** The guide's first case: a cloakroom attendant of a public school in Rudny, Kostanay region. */
    static Complaints kostanaySchoolCloakroomAttendant() {
        return complaint().categories(Category.SEXUAL_HARASSMENT, Category.EXTORTION)
                .in("KZ-39", "392410000").at(Sector.PUBLIC, WorkplaceType.SCHOOL)
                .accused(AccusedRole.HEAD_OF_ORGANIZATION, true).mode(ComplainantMode.CONFIDENTIAL);
    }

    /** The guide's second case: a financial analyst in a private company in Almaty. */
    static Complaints almatyFinancialAnalyst() {
        return complaint().categories(Category.SEXUAL_HARASSMENT, Category.RETALIATION).in("KZ-75", null)
                .at(Sector.PRIVATE, WorkplaceType.COMPANY).accused(AccusedRole.SUPERVISOR, false)
                .mode(ComplainantMode.OPEN);
    }

    Complaints categories(Category... values) {
        categories = Set.of(values);
        return this;
    }

    Complaints in(@Nullable String regionCode, @Nullable String districtCode) {
        region = regionCode;
        district = districtCode;
        return this;
    }

    Complaints inCountry(String code, @Nullable String regionText) {
        country = code;
        region = regionText;
        regionKnown = false;
        district = null;
        return this;
    }

    Complaints at(@Nullable Sector sectorValue, @Nullable WorkplaceType type) {
        sector = sectorValue;
        workplaceType = type;
        return this;
    }

    Complaints accused(@Nullable AccusedRole role, boolean official) {
        accusedRole = role;
        publicOfficial = official;
        return this;
    }

    Complaints receivedOn(LocalDate value) {
        day = value;
        return this;
    }

    Complaints minorVictim() {
        minor = true;
        return this;
    }

    Complaints inImmediateDanger() {
        immediateDanger = true;
        return this;
    }

    Complaints mode(ComplainantMode value) {
        mode = value;
        return this;
    }

    ComplaintFacts facts() {
        return new ComplaintFacts(categories, sector, workplaceType, accusedRole, publicOfficial, minor,
                immediateDanger, mode, country, region, regionKnown, district, day);
    }
}
