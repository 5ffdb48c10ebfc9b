// A stand-in for the part of JJWT 0.12's API the Java sample uses, for the tests only (Maven
// Central is not reachable here). Same method names, parameter and return types as JJWT's
// io.jsonwebtoken.Jwts / JwtBuilder / ClaimsMutator.AudienceCollection; HS256 only. It checks
// what the sample compiles against and runs its claims through a JSON writer and HMAC-SHA256.
package io.jsonwebtoken;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.SecretKey;

public final class Jwts {
    private Jwts() {}

    public static final class SIG {
        private SIG() {}
        public static final Object HS256 = "HS256";
    }

    public static JwtBuilder builder() {
        return new JwtBuilder();
    }

    public static final class JwtBuilder {
        private final Map<String, Object> claims = new LinkedHashMap<>();
        private SecretKey key;

        public JwtBuilder claim(String name, Object value) {
            if (value == null) {
                claims.remove(name); // as JJWT: a null value removes the claim
            } else {
                claims.put(name, value);
            }
            return this;
        }

        public JwtBuilder claims(Map<String, ?> values) {
            values.forEach(this::claim);
            return this;
        }

        public JwtBuilder subject(String sub) { return claim("sub", sub); }
        public JwtBuilder issuer(String iss) { return claim("iss", iss); }
        public JwtBuilder id(String jti) { return claim("jti", jti); }
        public JwtBuilder issuedAt(Date iat) { return claim("iat", iat); }
        public JwtBuilder expiration(Date exp) { return claim("exp", exp); }
        public JwtBuilder notBefore(Date nbf) { return claim("nbf", nbf); }

        public AudienceCollection audience() { return new AudienceCollection(this); }

        public JwtBuilder signWith(SecretKey key, Object alg) {
            if (!"HS256".equals(alg)) throw new IllegalArgumentException("HS256 only");
            this.key = key;
            return this;
        }

        public String compact() {
            String header = b64("{\"alg\":\"HS256\"}");
            String payload = b64(Json.write(claims));
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(key);
                byte[] signature = mac.doFinal((header + "." + payload).getBytes(StandardCharsets.US_ASCII));
                return header + "." + payload + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(signature);
            } catch (java.security.GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }

        private static String b64(String text) {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
        }
    }

    public static final class AudienceCollection {
        private final JwtBuilder parent;
        AudienceCollection(JwtBuilder parent) { this.parent = parent; }
        public JwtBuilder single(String aud) { return parent.claim("aud", aud); }
        public AudienceCollection add(Collection<String> values) { parent.claim("aud", values); return this; }
        public JwtBuilder and() { return parent; }
    }

    /** JSON as Jackson writes it for these types (Date as whole seconds, as JJWT does). */
    static final class Json {
        static String write(Object value) {
            StringBuilder out = new StringBuilder();
            write(value, out);
            return out.toString();
        }

        private static void write(Object value, StringBuilder out) {
            if (value == null) {
                out.append("null");
            } else if (value instanceof Date) {
                out.append(((Date) value).getTime() / 1000L);
            } else if (value instanceof String) {
                string((String) value, out);
            } else if (value instanceof Number || value instanceof Boolean) {
                out.append(value);
            } else if (value instanceof Map) {
                out.append('{');
                boolean first = true;
                for (Map.Entry<?, ?> entry : ((Map<?, ?>) value).entrySet()) {
                    if (!first) out.append(',');
                    first = false;
                    string((String) entry.getKey(), out);
                    out.append(':');
                    write(entry.getValue(), out);
                }
                out.append('}');
            } else if (value instanceof Collection) {
                out.append('[');
                boolean first = true;
                for (Object item : (Collection<?>) value) {
                    if (!first) out.append(',');
                    first = false;
                    write(item, out);
                }
                out.append(']');
            } else {
                throw new IllegalArgumentException("cannot write " + value.getClass());
            }
        }

        private static void string(String text, StringBuilder out) {
            out.append('"');
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == '"' || c == '\\') {
                    out.append('\\').append(c);
                } else if (c < 0x20 || (c >= 0xD800 && c <= 0xDFFF)) {
                    out.append(String.format("\\u%04x", (int) c));
                } else {
                    out.append(c);
                }
            }
            out.append('"');
        }
    }
}
