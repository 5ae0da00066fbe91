package vn.mydrive.it;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The hostile input corpus's raw material: JSON bodies, path segments, field values and frames an attacker
 * or a broken client would send. Generated from a fixed seed, so a failing input can be replayed.
 */
final class HostileInputs {

    private HostileInputs() {
    }

    /** Bodies that are not the JSON object an endpoint expects: broken, wrong types, huge, nested, binary. */
    static List<String> jsonBodies() {
        List<String> bodies = new ArrayList<>(List.of(
                "", " ", "{", "}", "[]", "[{}]", "null", "true", "0", "-1", "\"text\"", "{\"username\":",
                "{username: 'x', password: 'y'}", "{\"username\":\"a\",}", "{\"username\":\"a\" \"password\":\"b\"}",
                "{\"username\":null,\"password\":null}", "{\"username\":1,\"password\":2}",
                "{\"username\":[],\"password\":{}}", "{\"username\":true,\"password\":false}",
                "{\"username\":\"\",\"password\":\"\"}", "{\"username\":\"   \",\"password\":\"   \"}",
                "{\"username\":\"a\\u0000b\",\"password\":\"correct horse battery\"}",
                "{\"username\":\"\\ud800\",\"password\":\"correct horse battery\"}",
                "{\"username\":1e999999,\"password\":\"x\"}",
                "\ufeff{\"username\":\"bom\",\"password\":\"x\"}",
                "{\"username\":\"a\",\"username\":\"b\",\"password\":\"x\"}",
                "{\"$where\":\"sleep(1000)\",\"username\":{\"$gt\":\"\"},\"password\":{\"$ne\":null}}",
                "{\"username\":\"<script>alert(1)</script>\",\"password\":\"<img src=x onerror=alert(1)>\"}",
                "{\"username\":\"../../etc/passwd\",\"password\":\"..\\\\..\\\\windows\\\\win.ini\"}",
                "{\"username\":\"admin' OR '1'='1\",\"password\":\"' OR 1=1 --\"}",
                "{\"username\":\"${jndi:ldap://127.0.0.1/a}\",\"password\":\"#{7*7}\"}",
                "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><x>&e;</x>",
                "username=admin&password=admin",
                "{\"name\":\"../../etc/passwd\"}", "{\"name\":\"..\"}", "{\"name\":\"a/b\"}", "{\"name\":\"a\\\\b\"}",
                "{\"name\":\"\"}", "{\"name\":\"\\u0000\"}", "{\"name\":\"line\\nbreak\"}", "{\"name\":7}",
                "{\"visibility\":\"everyone\"}", "{\"visibility\":\"<b>public</b>\"}", "{\"visibility\":null,\"name\":[]}",
                "{\"username\":\"nobody\",\"password\":\"correct horse battery\",\"confirmPassword\":7}",
                "{\"username\":\"nobody\",\"password\":\"correct horse battery\",\"confirmPassword\":\"<b>\"}",
                "{\"username\":\"nobody\",\"password\":\"password\",\"confirmPassword\":\"password\"}",
                "{\"username\":\"nobody\",\"password\":\"x\",\"idleSeconds\":-5}",
                "{\"username\":\"nobody\",\"password\":\"x\",\"idleSeconds\":\"10\"}",
                "{\"username\":\"nobody\",\"password\":\"x\",\"idleSeconds\":1e300}",
                "{\"username\":\"nobody\",\"password\":\"x\",\"idleSeconds\":9223372036854775807}",
                "{\"username\":\"nobody\",\"password\":\"x\",\"deviceToken\":\"<script>alert(1)</script>\"}",
                "{\"username\":\"nobody\",\"password\":\"x\",\"deviceToken\":{\"$ne\":null}}",
                "{\"username\":\"nobody\",\"password\":\"x\",\"takeOver\":\"yes\"}"));
        bodies.add("{\"username\":\"nobody\",\"password\":\"x\",\"deviceToken\":\"" + "d".repeat(10_000) + "\"}");
        bodies.add("[".repeat(5000) + "]".repeat(5000));
        bodies.add("{\"a\":".repeat(3000) + "1" + "}".repeat(3000));
        bodies.add("{\"username\":\"" + "u".repeat(100_000) + "\",\"password\":\"x\"}");
        bodies.add("{\"username\":\"alice\",\"password\":\"" + "p".repeat(1_000_000) + "\"}");
        bodies.add("{\"name\":\"" + "n".repeat(300) + "\"}");
        bodies.add("{\"name\":\"" + "ạ".repeat(200) + "\"}");
        Random random = new Random(20261122);
        for (int i = 0; i < 8; i++) {
            byte[] noise = new byte[1 + random.nextInt(400)];
            random.nextBytes(noise);
            bodies.add(new String(noise, StandardCharsets.ISO_8859_1));
        }
        return bodies;
    }

    /** Path segments where an id, a code or a user name belongs. Already URL-encoded where needed. */
    static List<String> pathSegments() {
        return List.of("..", "..%2F..%2Fetc%2Fpasswd", "%2e%2e%2f%2e%2e%2fetc%2fpasswd", "%252e%252e%252f",
                "....%2F%2F", "%00", "a%00b", "%3Cscript%3Ealert(1)%3C%2Fscript%3E", "'%20OR%20'1'%3D'1",
                "%7B%22%24gt%22%3A%22%22%7D", "000000000000000000000000", "ffffffffffffffffffffffff",
                "zzzzzzzzzzzzzzzzzzzzzzzz", "-1", "99999999999999999999", "x".repeat(5000), "%C0%AE%C0%AE%2F",
                "%E2%80%AE", "null", "undefined");
    }

    /** Values for a query parameter or a form field. */
    static List<String> fieldValues() {
        return List.of("", " ", "<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>", "../../etc/passwd",
                "' OR 1=1 --", "{\"$ne\":null}", "${jndi:ldap://127.0.0.1/a}", "#{facesContext.externalContext}",
                "\u0000", "\u202Eexe.txt", "Hà Nội\u0000", "x".repeat(20_000), "%00%0d%0a", "31-31-2021",
                "01-01-99999", "2021-13-45T99:99", "-1", "NaN", "\uFFFF\uFFFE");
    }
}
