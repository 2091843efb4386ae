package org.hotline.routing.it;

/** Bodies of {@code POST /api/v1/complaints} (intake API), which the preview endpoint takes as they are. */
final class IntakeRequests {

    static final String KOSTANAY_SCHOOL = """
            {
              "channel": "HOTLINE",
              "language": "ru",
              "incident": {
                "categories": ["SEXUAL_HARASSMENT", "EXTORTION"],
                "description": "The director demanded that I meet him after hours or lose my job.",
                "occurredOn": "2011-05-20",
                "ongoing": true
              },
              "location": { "country": "KZ", "region": "KZ-KUS", "districtCode": "392410000", "settlement": "Pertsevka" },
              "workplace": { "sector": "PUBLIC", "type": "SCHOOL", "organizationName": "Secondary school No. 1" },
              "accused": { "role": "HEAD_OF_ORGANIZATION", "publicOfficial": true },
              "victim": { "minor": false },
              "risk": { "immediateDanger": false },
              "complainant": { "mode": "CONFIDENTIAL", "name": "A. S.", "phone": "+7 701 555 0101",
                               "preferredLanguage": "ru", "consentToContact": true }
            }
            """;

    private IntakeRequests() {
    }
}
