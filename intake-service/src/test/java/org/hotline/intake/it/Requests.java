package org.hotline.intake.it;

/** Request bodies for the intake API, as a hotline's web form or operator console sends them. */
final class Requests {

    private Requests() {
    }

    /** The school cloakroom attendant in Kostanay region. */
    static final String KOSTANAY_SCHOOL = """
            {
              "channel": "HOTLINE",
              "language": "ru",
              "incident": {
                "categories": ["SEXUAL_HARASSMENT", "EXTORTION"],
                "description": "Директор школы делал непристойные предложения, потом требовал деньги.",
                "occurredOn": "2011-05-20",
                "ongoing": true
              },
              "location": { "country": "KZ", "region": "KZ-39", "districtCode": "392410000", "settlement": "Pertsevka" },
              "workplace": { "sector": "PUBLIC", "type": "SCHOOL", "organizationName": "Secondary school No. 1" },
              "accused": { "role": "HEAD_OF_ORGANIZATION", "publicOfficial": true },
              "victim": { "minor": false },
              "risk": { "immediateDanger": false },
              "complainant": { "mode": "CONFIDENTIAL", "name": "Айгуль Сапарова", "phone": "+7 701 555 0199",
                               "email": "aigul.saparova@example.org", "preferredLanguage": "kk", "consentToContact": true }
            }
            """;

    /** The financial analyst in Almaty. */
    static final String ALMATY_ANALYST = """
            {
              "channel": "WEB",
              "language": "en",
              "incident": {
                "categories": ["SEXUAL_HARASSMENT", "RETALIATION"],
                "description": "My manager made advances; after I refused, my bonus was cut and I was dismissed.",
                "occurredOn": "2024-03-01",
                "ongoing": false
              },
              "location": { "country": "KZ", "region": "KZ-75", "settlement": "Almaty" },
              "workplace": { "sector": "PRIVATE", "type": "COMPANY", "organizationName": "Example Capital LLP" },
              "accused": { "role": "SUPERVISOR", "publicOfficial": false },
              "complainant": { "mode": "OPEN", "name": "Dana", "email": "dana@example.org", "preferredLanguage": "en",
                               "consentToContact": true }
            }
            """;

    /** The smallest acceptable complaint: anonymous, with only what is required. */
    static final String MINIMAL_ANONYMOUS = """
            {
              "channel": "PARTNER_API",
              "language": "kk",
              "incident": { "categories": ["OTHER"], "description": "Жұмыс орнындағы қысым." },
              "location": { "country": "KZ" },
              "complainant": { "mode": "ANONYMOUS" }
            }
            """;
}
