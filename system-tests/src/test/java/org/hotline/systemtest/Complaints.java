package org.hotline.systemtest;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Complaint bodies for the public API, after the cases the local stack's samples submit: the Kostanay school
 * extortion, the Almaty analyst, a minor in danger in Astana, an anonymous retaliation complaint, extortion by
 * a client in Karaganda, and a worker abroad. Each complainant gets a name, address and phone of their own, so
 * the tests can look for them where they must never appear.
 */
final class Complaints {

    /** One complaint to submit, which of the six cases it is, and what the tests need to know of the complainant. */
    record Complaint(int kind, String idempotencyKey, String body, String name, @Nullable String email, String phone,
            boolean acknowledged) {
    }

    static final int KINDS = 6;

    private static final String[] CASES = {
        """
        {"channel":"HOTLINE","language":"ru",
         "incident":{"categories":["SEXUAL_HARASSMENT","EXTORTION"],"description":"Директор школы делал непристойные предложения, затем требовал деньги.","occurredOn":"2011-05-20","ongoing":true},
         "location":{"country":"KZ","region":"KZ-39","districtCode":"392410000","settlement":"Pertsevka"},
         "workplace":{"sector":"PUBLIC","type":"SCHOOL","organizationName":"Secondary school No. 1"},
         "accused":{"role":"HEAD_OF_ORGANIZATION","publicOfficial":true},
         "complainant":{"mode":"CONFIDENTIAL","name":"%s","email":"%s","phone":"%s","preferredLanguage":"kk","consentToContact":true}}""",
        """
        {"channel":"WEB","language":"en",
         "incident":{"categories":["SEXUAL_HARASSMENT","RETALIATION"],"description":"My manager made advances; after I refused, my bonus was cut and I was dismissed.","occurredOn":"2024-03-01","ongoing":false},
         "location":{"country":"KZ","region":"KZ-75","settlement":"Almaty"},
         "workplace":{"sector":"PRIVATE","type":"COMPANY","organizationName":"Example Capital LLP"},
         "accused":{"role":"SUPERVISOR","publicOfficial":false},
         "complainant":{"mode":"OPEN","name":"%s","email":"%s","phone":"%s","preferredLanguage":"en","consentToContact":true}}""",
        """
        {"channel":"HOTLINE","language":"kk",
         "incident":{"categories":["SEXUAL_VIOLENCE"],"description":"Балабақшада баланың қауіпсіздігіне қатер бар.","ongoing":true},
         "location":{"country":"KZ","region":"KZ-71"},
         "workplace":{"sector":"PUBLIC","type":"KINDERGARTEN"},
         "accused":{"role":"COLLEAGUE"},"victim":{"minor":true},"risk":{"immediateDanger":true},
         "complainant":{"mode":"CONFIDENTIAL","name":"%s","email":"%s","phone":"%s","preferredLanguage":"kk","consentToContact":false}}""",
        """
        {"channel":"WEB","language":"ru",
         "incident":{"categories":["RETALIATION"],"description":"После жалобы на домогательства водителя перевели на худший маршрут."},
         "location":{"country":"KZ","region":"KZ-79"},
         "workplace":{"sector":"PRIVATE","type":"TRANSPORT"},
         "accused":{"role":"SUPERVISOR"},
         "complainant":{"mode":"ANONYMOUS"}}""",
        """
        {"channel":"PARTNER_API","language":"ru",
         "incident":{"categories":["EXTORTION"],"description":"Пациент требует деньги, угрожая распространить ложные слухи."},
         "location":{"country":"KZ","region":"KZ-KAR"},
         "workplace":{"sector":"PUBLIC","type":"HEALTHCARE"},
         "accused":{"role":"CLIENT"},
         "complainant":{"mode":"OPEN","name":"%s","email":"%s","phone":"%s","preferredLanguage":"ru","consentToContact":true}}""",
        """
        {"channel":"WEB","language":"ru",
         "incident":{"categories":["SEXUAL_HARASSMENT"],"description":"Работодатель в Новосибирске домогается."},
         "location":{"country":"RU","region":"Novosibirsk Oblast"},
         "complainant":{"mode":"CONFIDENTIAL","name":"%s","email":"%s","phone":"%s","preferredLanguage":"ru","consentToContact":true}}"""
    };

    private Complaints() {
    }

    /** {@code count} complaints cycling through the six cases; {@code batch} keeps identities apart between runs. */
    static List<Complaint> of(String batch, int count) {
        List<Complaint> complaints = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            complaints.add(one(batch, i));
        }
        return complaints;
    }

    static Complaint one(String batch, int i) {
        int kind = i % CASES.length;
        String name = "Complainant " + batch + "-" + i;
        String email = "complainant-" + batch + "-" + i + "@example.net";
        String phone = String.format("+7 705 %07d", Math.floorMod((batch + "-" + i).hashCode(), 10_000_000));
        boolean anonymous = kind == 3;
        boolean acknowledged = !anonymous && kind != 2;
        String body = String.format(CASES[kind].strip(), name, email, phone);
        return new Complaint(kind, UUID.randomUUID().toString(), body, name, anonymous ? null : email, phone,
                acknowledged);
    }
}
