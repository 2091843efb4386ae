package org.hotline.intake.complaint.domain;

import java.util.List;

/** Complaint forms for tests: the two cases of the guide, as a hotline operator would enter them. */
public final class Forms {

    private Forms() {
    }

    /** The school cloakroom attendant in Kostanay region: propositioned, then asked for money by her head. */
    public static ComplaintForm kostanaySchool() {
        return new ComplaintForm("HOTLINE", "ru",
                new ComplaintForm.Incident(List.of("SEXUAL_HARASSMENT", "EXTORTION"),
                        "Директор школы делал непристойные предложения, затем требовал деньги.", "2011-05-20", true),
                new ComplaintForm.Location("KZ", "KZ-39", "392410000", "Pertsevka"),
                new ComplaintForm.Workplace("PUBLIC", "SCHOOL", "Secondary school No. 1"),
                new ComplaintForm.Accused("HEAD_OF_ORGANIZATION", true),
                new ComplaintForm.Victim(false),
                new ComplaintForm.Risk(false),
                new ComplaintForm.Complainant("CONFIDENTIAL", "Айгуль", null, "+7 701 123 4567", "ru", true));
    }

    /** The financial analyst in Almaty who lost her bonus, then her job, after refusing her boss. */
    public static ComplaintForm almatyAnalyst() {
        return new ComplaintForm("WEB", "en",
                new ComplaintForm.Incident(List.of("SEXUAL_HARASSMENT", "RETALIATION"),
                        "My manager made advances; after I refused, my bonus was cut and I was dismissed.",
                        "2024-03-01", false),
                new ComplaintForm.Location("KZ", "KZ-75", null, "Almaty"),
                new ComplaintForm.Workplace("PRIVATE", "COMPANY", "Example Capital LLP"),
                new ComplaintForm.Accused("SUPERVISOR", false),
                null, null,
                new ComplaintForm.Complainant("OPEN", "Dana", "dana@example.org", null, "en", true));
    }
}
