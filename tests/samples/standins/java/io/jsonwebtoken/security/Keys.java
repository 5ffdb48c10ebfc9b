// A stand-in for JJWT 0.12's Keys, for the tests only (Maven Central is not reachable here).
package io.jsonwebtoken.security;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

public final class Keys {
    private Keys() {}

    public static SecretKey hmacShaKeyFor(byte[] bytes) {
        if (bytes == null || bytes.length < 32) {
            // JJWT throws WeakKeyException here: RFC 7518 wants 256 bits for HS256.
            throw new IllegalArgumentException("the key is shorter than 256 bits");
        }
        return new SecretKeySpec(bytes, "HmacSHA256");
    }
}
