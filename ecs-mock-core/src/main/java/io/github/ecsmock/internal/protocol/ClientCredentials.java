package io.github.ecsmock.internal.protocol;

import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * What a client the mock hands out signs with, so that its requests act as the account asked for
 * ({@link CallerScope} reads a 12-digit access key id as the caller's account). Without strict
 * authentication: a test key for the default account, the account itself as the key for another.
 * Under it: the first credentials the mock was given for the default account, and for another those
 * whose access key id is that account, or the client is refused rather than quietly signing as the
 * default account.
 */
public final class ClientCredentials {
    /** The access key id and secret of the default account's clients without strict authentication. */
    public static final String TEST_ACCESS_KEY = "test";

    private ClientCredentials() {
    }

    /**
     * @param strict the credentials of strict authentication, in the order given; empty without it
     * @throws IllegalArgumentException when the account is not 12 digits, or strict authentication has
     *                                  no credentials for it
     */
    public static StaticCredentialsProvider of(String account, String defaultAccount, Map<String, String> strict) {
        requireAccount(account);
        if (strict.isEmpty()) {
            String accessKey = account.equals(defaultAccount) ? TEST_ACCESS_KEY : account;
            return StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, TEST_ACCESS_KEY));
        }
        if (account.equals(defaultAccount)) {
            Map.Entry<String, String> first = strict.entrySet().iterator().next();
            return StaticCredentialsProvider.create(AwsBasicCredentials.create(first.getKey(), first.getValue()));
        }
        String secret = strict.get(account);
        if (secret == null) {
            throw new IllegalArgumentException("Under strict authentication a client of account " + account
                    + " signs with credentials whose access key id is that account; give the mock credentials(\""
                    + account + "\", secret) too.");
        }
        return StaticCredentialsProvider.create(AwsBasicCredentials.create(account, secret));
    }

    /** @throws IllegalArgumentException when {@code account} is not 12 digits */
    public static void requireAccount(String account) {
        if (!CallerScope.isAccount(account)) {
            throw new IllegalArgumentException("An AWS account id is 12 digits: " + account);
        }
    }
}
