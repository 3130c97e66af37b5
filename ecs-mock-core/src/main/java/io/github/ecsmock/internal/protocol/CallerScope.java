package io.github.ecsmock.internal.protocol;

/**
 * The (account, region) a request speaks for, read from its SigV4 {@code Authorization} header: the
 * region from the credential scope, the account from the access key id when that is 12 digits (so a
 * test can act as several accounts), else the mock's default. Unsigned requests get the defaults.
 * Signatures are not verified.
 *
 * <p>The scope is {@code Credential=KEY/yyyyMMdd/REGION/SERVICE/aws4_request}, read by hand: every
 * request is scoped, and a regular expression cost it about a microsecond.
 */
public record CallerScope(String account, String region) {
    private static final String CREDENTIAL = "Credential=";
    private static final String TERMINATOR = "aws4_request";

    public static CallerScope of(String authorization, String defaultAccount, String defaultRegion) {
        if (authorization != null) {
            for (int at = authorization.indexOf(CREDENTIAL); at >= 0; at = authorization.indexOf(CREDENTIAL, at + 1)) {
                CallerScope scope = scope(authorization, at + CREDENTIAL.length(), defaultAccount);
                if (scope != null) {
                    return scope;
                }
            }
        }
        return new CallerScope(defaultAccount, defaultRegion);
    }

    /** The scope that starts at {@code start}, or null when what is there is not one. */
    private static CallerScope scope(String text, int start, String defaultAccount) {
        int keyEnd = part(text, start);
        if (keyEnd < 0) {
            return null;
        }
        int dateEnd = keyEnd + 1 + 8;
        if (dateEnd >= text.length() || text.charAt(dateEnd) != '/') {
            return null;
        }
        for (int i = keyEnd + 1; i < dateEnd; i++) {
            if (!isDigit(text.charAt(i))) {
                return null;
            }
        }
        int regionEnd = part(text, dateEnd + 1);
        if (regionEnd < 0) {
            return null;
        }
        int serviceEnd = part(text, regionEnd + 1);
        if (serviceEnd < 0 || !text.startsWith(TERMINATOR, serviceEnd + 1)) {
            return null;
        }
        String accessKey = text.substring(start, keyEnd);
        return new CallerScope(isAccount(accessKey) ? accessKey : defaultAccount, text.substring(dateEnd + 1, regionEnd));
    }

    /** Where the non-empty part that starts at {@code start} ends at a {@code /}; -1 when it does not. */
    private static int part(String text, int start) {
        int i = start;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '/') {
                return i > start ? i : -1;
            }
            if (c == ',' || c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r') {
                return -1;
            }
            i++;
        }
        return -1;
    }

    /** Whether {@code text} is an account id, 12 digits: as an access key id, it names the caller's account. */
    public static boolean isAccount(String text) {
        if (text == null || text.length() != 12) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            if (!isDigit(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** Whether {@code region} could name a region: lower-case letters, digits and hyphens, as every AWS region does. */
    public static boolean isRegionName(String region) {
        if (region == null || region.isEmpty() || region.length() > 50) {
            return false;
        }
        for (int i = 0; i < region.length(); i++) {
            char c = region.charAt(i);
            if (!(c >= 'a' && c <= 'z') && !isDigit(c) && c != '-') {
                return false;
            }
        }
        return true;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
