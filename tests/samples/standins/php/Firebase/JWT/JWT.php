<?php
// A stand-in for firebase/php-jwt 6's JWT::encode, for the tests only: the real package comes
// from Packagist, which the test machines cannot reach. Same signature and JSON flags as the
// real one (json_encode with JSON_UNESCAPED_SLASHES), HS256 only.
namespace Firebase\JWT;

final class JWT
{
    public static function encode(array $payload, $key, string $alg, ?string $keyId = null, ?array $head = null): string
    {
        if ($alg !== 'HS256') {
            throw new \DomainException('the stand-in signs HS256 only');
        }
        $header = ['typ' => 'JWT', 'alg' => $alg];
        $segments = [
            self::urlsafeB64Encode(json_encode($header, \JSON_UNESCAPED_SLASHES | \JSON_THROW_ON_ERROR)),
            self::urlsafeB64Encode(json_encode($payload, \JSON_UNESCAPED_SLASHES | \JSON_THROW_ON_ERROR)),
        ];
        $segments[] = self::urlsafeB64Encode(hash_hmac('sha256', implode('.', $segments), $key, true));
        return implode('.', $segments);
    }

    private static function urlsafeB64Encode(string $input): string
    {
        return str_replace('=', '', strtr(base64_encode($input), '+/', '-_'));
    }
}
