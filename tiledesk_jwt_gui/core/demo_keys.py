"""The embedded demo keys: public knowledge, for the smoke test and for trying RS256 and ES256.

They sit apart from ``sample`` so that ``keys`` can recognise them without importing the rest:
the RSA demo key is known to be well formed, so loading it skips cryptography's costly
validation (about 30 ms), and only it.
"""

from __future__ import annotations

from typing import Final

__all__ = ["DEMO_EC_PRIVATE_KEY_PEM", "DEMO_RSA_PRIVATE_KEY_PEM"]

DEMO_RSA_PRIVATE_KEY_PEM: Final = """-----BEGIN PRIVATE KEY-----
MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQCRIPL3SOAR8aID
5O6HdZaJj6ahC2Td0GXoA29OTl7GBNwbUeH++Km1H3g10IEJoyIzCLvgufAxc0IN
asl7Wqf0F32bHhAhBXO4WeE1cbM9aBzCijx2+K8uV3stjIL6qvzNIdouBEz2BK6F
2ptlQIPZ+id2d30renNo4lccgr6zfR0xqXDF2Ur3Rx/9nG4aB7Knoe/FFXe+Fgd2
OiDOOzVd/aepFseb5yUZyj1wsg4DmRcBVyTl4QP+P3+u4L+4KUgUlj04d+emIVQB
JPBZzTAQbSITgYYlGXZ7fd+7AMWVhBff+SoMY7uiDzAnYR89t4J7UrkXQSR+sONG
jtg+iBM9AgMBAAECggEAAbGtxF8wZmU4q+z3L9Oajz6DBmw4oDI3jk7D9NkLWCpk
W1lIVw6WBIw6ff5SE0e5NXlLoCLrf9hFlByD/5GeVkYT7ESckZYbtLIv48zQ982I
UGkGrajXeqYAxRZXzQ9D5i0X++OG9nQ1iVB08eif4WJ/JW3doy1JvZaux6FrEnNF
7Pjk2SSQHbGzp2lVO3sCNRWljCkY5sAqg0m7yNKjiW6uCIEcsraILE5gIkrkSbVH
8aUvK6STgXIb+3TW1qz81OuzaG95h7NmJjYYl27b1oIn5LVn7jxmBJwezY9S7wJW
Hd3A1/NNBT1epNOocBxo3/u/cK85/2EaFnk+5FX44QKBgQDBYHxSu3ETqSWijqSU
xl0l2p0Tft/jwI4EA9QCRF62DaWBLS0rh2+plyAmIlXEYw4gZ3R7K8xSQ0Elt1gf
RBg+TWGUqJXL5qEKaayIDJGPqjgdv/rP2Zp/EYPXKgQR7lmTtoEvQW3ejEURMgyz
fWVKYzUMeJ67JWjjcfzsXAkUxQKBgQDAIIvhdVq+afeLHaenhx7GU+2PCWxwPBYl
w0ypkBPtYwL+71CceR3WQI6A1DVGaiQCrD9riqWLPUwt8JDk4eMFywsNk/AswYhe
eERE/MS9DjLf5VRNVm3Ql8ayAGFDb9wrFG4JnbxQsJj3vVgDa7VHBYCWDdi6zF1C
kNxshtmcGQKBgQCdAdUPa0ddWjnHaZ+xd/mLUZu1h48LIX1tPxp1GMP5ds0JO//v
1tBP1vdwXvJaOL7wim8lzqLfq+GKWPnAsQ4qD7QJ+nNdkYzxomlGMUZCakeTyBtB
hYGOaE8udNvHH0o1x7nN/4bQaf1t/8AWP9rs8e3RiWH/u1kVSqi70+I/rQKBgAmW
FiSrvFlf5DAWzLS5MznmGiZW7Ag1l01PD1YukC/6Dr41pqoICQsVsYaQEBBxX1aa
zZdKFbR63IA2TqR8+NzjIqwMw6EYDvvXuGBQ1Ggyeytcv/YT5+rOh+V9y1yYCj5E
CLGGI01LYnaKBgg1qZffmGjkS/oWFFkr7TOlDtqRAoGAR8KPvBTYSUmhIFz5Tgmw
rmxc0VYE1yLrr1dKeb2cJSu+ng0q3qgihNeiisxpoEJ7FS4NXLESu3PRJvoahK2F
12q6xyrBm5+1bNseEob8bgToiVXeUEMSVx079XHy88Kf2Z/VpwEb0uG2zhfHijYD
PAWKtin/j4Z6ZS+p0XHEW7Q=
-----END PRIVATE KEY-----
"""

DEMO_EC_PRIVATE_KEY_PEM: Final = """-----BEGIN PRIVATE KEY-----
MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgA9kwtg0weSax7MsV
wC23xJ5fbCdBRK53FsUqdx8LglChRANCAASQcnoHx5+RIUh7YwVZd+TE4fuA7Lew
XOqNU8iLXA5TpSPCx1tZc2NBuKhv87GMCCgLDvPxqy+vUre07ceH4u0k
-----END PRIVATE KEY-----
"""
