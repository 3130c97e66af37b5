package io.github.ecsmock.internal.ecs;

import io.github.ecsmock.internal.errors.Errors;
import io.github.ecsmock.internal.paging.PageTokens;
import io.github.ecsmock.internal.state.EcsState;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.ecs.model.DeleteAccountSettingRequest;
import software.amazon.awssdk.services.ecs.model.DeleteAccountSettingResponse;
import software.amazon.awssdk.services.ecs.model.ListAccountSettingsRequest;
import software.amazon.awssdk.services.ecs.model.ListAccountSettingsResponse;
import software.amazon.awssdk.services.ecs.model.PutAccountSettingDefaultRequest;
import software.amazon.awssdk.services.ecs.model.PutAccountSettingDefaultResponse;
import software.amazon.awssdk.services.ecs.model.PutAccountSettingRequest;
import software.amazon.awssdk.services.ecs.model.PutAccountSettingResponse;
import software.amazon.awssdk.services.ecs.model.Setting;
import software.amazon.awssdk.services.ecs.model.SettingName;

/**
 * PutAccountSetting, PutAccountSettingDefault, DeleteAccountSetting and ListAccountSettings.
 *
 * <p>A principal sees, for each setting, its own value if it set one, else the account default (what
 * the root user set), else the value AWS assumes. The mock's caller is the account's root user, so a
 * request without {@code principalArn} acts on the account defaults. ECS lists settings by name in
 * alphabetical order (the CLI's list-account-settings examples), ten to a page unless
 * {@code maxResults} asks for fewer (the API Reference: it "can be between 1 and 10").
 */
public final class AccountSettings {
    private static final int PAGE_SIZE = 10;
    /** A principal that can hold settings: the root user, an IAM user or an IAM role, with a path. */
    private static final Pattern PRINCIPAL =
            Pattern.compile("arn:([a-z-]+):iam::(\\d{12}):(root|(?:user|role)/[\\w+=,.@/-]*[\\w+=,.@-])");

    private final AccountSettingRules rules = new AccountSettingRules();

    public PutAccountSettingResponse putAccountSetting(EcsState state, PutAccountSettingRequest request) {
        SettingName name = name(request.nameAsString());
        rules.checkWritable(name);
        String principal = principal(state, request.principalArn());
        rules.checkChange(name, value(request.value()), principal.equals(root(state)));
        state.accountSettings().put(principal, request.nameAsString(), request.value());
        return PutAccountSettingResponse.builder()
                .setting(setting(request.nameAsString(), request.value(), principal)).build();
    }

    public PutAccountSettingDefaultResponse putAccountSettingDefault(EcsState state, PutAccountSettingDefaultRequest request) {
        SettingName name = name(request.nameAsString());
        rules.checkChange(name, value(request.value()), true);
        String root = root(state);
        state.accountSettings().put(root, request.nameAsString(), request.value());
        return PutAccountSettingDefaultResponse.builder()
                .setting(setting(request.nameAsString(), request.value(), root)).build();
    }

    /** Forgets what the principal set; answers the setting as it was. */
    public DeleteAccountSettingResponse deleteAccountSetting(EcsState state, DeleteAccountSettingRequest request) {
        SettingName name = name(request.nameAsString());
        rules.checkWritable(name);
        String principal = principal(state, request.principalArn());
        String removed = state.accountSettings().remove(principal, request.nameAsString())
                // Unverified: no capture shows ECS deleting a setting the principal never set.
                .orElseThrow(() -> Errors.invalidParameter(
                        "The account setting " + name + " is not set for the principal " + principal + "."));
        return DeleteAccountSettingResponse.builder().setting(setting(request.nameAsString(), removed, principal)).build();
    }

    public ListAccountSettingsResponse listAccountSettings(EcsState state, ListAccountSettingsRequest request) {
        String value = blankToNull(request.value());
        if (value != null && request.nameAsString() == null) {
            // The API Reference: "You must also specify an account setting name to use this parameter."
            // Unverified wording.
            throw Errors.invalidParameter("value can only be given together with name.");
        }
        String principal = principal(state, request.principalArn());
        int size = PageTokens.pageSize(request.maxResults(), PAGE_SIZE, PAGE_SIZE);
        NavigableMap<String, Setting> settings = new TreeMap<>();
        if (Boolean.TRUE.equals(request.effectiveSettings())) {
            for (SettingName name : SettingName.knownValues()) {
                settings.put(name.toString(), effective(state, principal, name));
            }
        } else {
            state.accountSettings().setBy(principal).forEach((setName, setValue) ->
                    settings.put(setName, setting(setName, setValue, principal)));
        }
        PageTokens.Page<Setting> page = state.pageTokens().page("ListAccountSettings", settings, request.nextToken(), size,
                setting -> (request.nameAsString() == null || request.nameAsString().equals(setting.nameAsString()))
                        && (value == null || value.equals(setting.value())),
                Function.identity(), Function.identity());
        return ListAccountSettingsResponse.builder().settings(page.items()).nextToken(page.nextToken()).build();
    }

    /** The value {@code principal} works with: its own, else the account default, else AWS's. */
    public String effectiveValue(EcsState state, String principal, SettingName name) {
        return effective(state, principal, name).value();
    }

    private Setting effective(EcsState state, String principal, SettingName name) {
        String root = root(state);
        String key = name.toString();
        return state.accountSettings().valueOf(principal, key)
                .map(value -> setting(key, value, principal))
                .or(() -> state.accountSettings().valueOf(root, key).map(value -> setting(key, value, root)))
                .orElseGet(() -> setting(key, rules.of(name).awsDefault(), root));
    }

    private Setting setting(String name, String value, String principal) {
        return Setting.builder().name(name).value(value).principalArn(principal)
                .type(rules.of(SettingName.fromValue(name)).type()).build();
    }

    private static String root(EcsState state) {
        return state.arns().callerPrincipal();
    }

    /**
     * The principal a request names, or the caller (the root user) when it names none or "". Only
     * users, roles and the root user of the caller's own account can hold settings: federated users
     * take the root user's settings, and the caller must be the principal or its account's root user.
     */
    private static String principal(EcsState state, String given) {
        if (blankToNull(given) == null) {
            return root(state);
        }
        Matcher matcher = PRINCIPAL.matcher(given);
        // Unverified wording for both refusals: no capture of ECS refusing a principalArn was found.
        if (!matcher.matches()) {
            throw Errors.invalidParameter("The specified principalArn '" + given
                    + "' is not valid. Specify the ARN of an IAM user, an IAM role or the root user and try again.");
        }
        if (!matcher.group(1).equals(state.arns().partition()) || !matcher.group(2).equals(state.arns().account())) {
            throw Errors.invalidParameter("The specified principalArn '" + given
                    + "' is not of this account. Specify a principal of account " + state.arns().account() + " and try again.");
        }
        return given;
    }

    /** An empty member counts as absent, as the model validation treats it. */
    private static String blankToNull(String text) {
        return text == null || text.isEmpty() ? null : text;
    }

    private static SettingName name(String name) {
        if (name == null || name.isEmpty()) {
            throw Errors.missingMember("name");
        }
        return SettingName.fromValue(name);
    }

    private static String value(String value) {
        if (value == null || value.isEmpty()) {
            throw Errors.missingMember("value");
        }
        return value;
    }
}
