package io.github.ecsmock.internal.protocol;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The (account, region) a request speaks for, read from its SigV4 {@code Authorization} header: the
 * region from the credential scope, the account from the access key id when that is 12 digits (so a
 * test can act as several accounts), else the mock's default. Unsigned requests get the defaults.
 * Signatures are not verified.
 */
public record CallerScope(String account, String region) {
    private static final Pattern CREDENTIAL = Pattern.compile("Credential=([^/,\\s]+)/\\d{8}/([^/,\\s]+)/[^/,\\s]+/aws4_request");
    private static final Pattern ACCOUNT = Pattern.compile("\\d{12}");

    public static CallerScope of(String authorization, String defaultAccount, String defaultRegion) {
        if (authorization != null) {
            Matcher matcher = CREDENTIAL.matcher(authorization);
            if (matcher.find()) {
                String accessKey = matcher.group(1);
                String account = ACCOUNT.matcher(accessKey).matches() ? accessKey : defaultAccount;
                return new CallerScope(account, matcher.group(2));
            }
        }
        return new CallerScope(defaultAccount, defaultRegion);
    }
}
