package io.github.ecsmock.internal.ecs;

import io.github.ecsmock.internal.errors.Errors;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.ecs.model.SettingName;
import software.amazon.awssdk.services.ecs.model.SettingType;

/**
 * What each ECS account setting accepts, what AWS assumes when nobody set it, and who may change it.
 *
 * <p>Sources, Amazon ECS Developer Guide and API Reference (2025-2026 revisions) unless noted:
 * <ul>
 *   <li>The long ARN formats default to {@code enabled} ("The default is enabled"; the opt-out
 *       period ended April 1, 2021) and disabling them is refused with
 *       {@code InvalidParameterException: You can no longer disable Long Arn settings} (quoted by the
 *       Terraform AWS provider's {@code aws_ecs_account_setting_default} documentation and code).</li>
 *   <li>{@code containerInsights}: {@code enabled}, {@code disabled}, {@code enhanced}; off by
 *       default, and the account default is what a new cluster gets when CreateCluster names none.</li>
 *   <li>{@code fargateTaskRetirementWaitPeriod}: {@code 0}, {@code 7} or {@code 14} days, 7 by
 *       default, and "You must use the root user when you set the Fargate wait time".</li>
 *   <li>{@code fargateFIPSMode}: off by default; the API Reference lists it only for
 *       PutAccountSettingDefault, so here it can only be set for the root user too.</li>
 *   <li>{@code tagResourceAuthorization}: {@code on}/{@code off}; on for every account since March
 *       29, 2024, after which it can no longer be turned off.</li>
 *   <li>{@code guardDutyActivate}: read-only, set by GuardDuty; the only {@code aws_managed} setting
 *       (Setting.type in the model). Off unless a security administrator turns Runtime Monitoring on.</li>
 *   <li>{@code defaultLogDriverMode}: {@code blocking}/{@code non-blocking}; {@code non-blocking}
 *       since June 25, 2025.</li>
 *   <li>{@code awsvpcTrunking}, {@code fargateEventWindows}: opt-in, off by default.</li>
 * </ul>
 * A name the SDK knows and these rules do not (a newer SDK) takes {@code enabled}/{@code disabled},
 * off by default.
 */
final class AccountSettingRules {
    private static final Set<String> ON_OFF = Set.of("enabled", "disabled");

    /** How one setting behaves. {@code refusals} maps a value ECS no longer accepts to its error text. */
    record Rule(String awsDefault, Set<String> values, boolean rootOnly, boolean awsManaged, Map<String, String> refusals) {
        SettingType type() {
            return awsManaged ? SettingType.AWS_MANAGED : SettingType.USER;
        }
    }

    private static final Rule GENERIC = new Rule("disabled", ON_OFF, false, false, Map.of());
    private final Map<SettingName, Rule> rules = new EnumMap<>(SettingName.class);

    AccountSettingRules() {
        Map<String, String> longArn = Map.of("disabled", "You can no longer disable Long Arn settings");
        rules.put(SettingName.SERVICE_LONG_ARN_FORMAT, new Rule("enabled", ON_OFF, false, false, longArn));
        rules.put(SettingName.TASK_LONG_ARN_FORMAT, new Rule("enabled", ON_OFF, false, false, longArn));
        rules.put(SettingName.CONTAINER_INSTANCE_LONG_ARN_FORMAT, new Rule("enabled", ON_OFF, false, false, longArn));
        rules.put(SettingName.AWSVPC_TRUNKING, new Rule("disabled", ON_OFF, false, false, Map.of()));
        rules.put(SettingName.CONTAINER_INSIGHTS,
                new Rule("disabled", Set.of("enabled", "disabled", "enhanced"), false, false, Map.of()));
        rules.put(SettingName.FARGATE_FIPS_MODE, new Rule("disabled", ON_OFF, true, false, Map.of()));
        // Unverified wording, modelled on the long ARN refusal: no capture of ECS refusing "off" was found.
        rules.put(SettingName.TAG_RESOURCE_AUTHORIZATION, new Rule("on", Set.of("on", "off"), false, false,
                Map.of("off", "You can no longer turn off tagResourceAuthorization")));
        rules.put(SettingName.FARGATE_TASK_RETIREMENT_WAIT_PERIOD, new Rule("7", Set.of("0", "7", "14"), true, false, Map.of()));
        rules.put(SettingName.GUARD_DUTY_ACTIVATE, new Rule("disabled", ON_OFF, false, true, Map.of()));
        rules.put(SettingName.DEFAULT_LOG_DRIVER_MODE,
                new Rule("non-blocking", Set.of("blocking", "non-blocking"), false, false, Map.of()));
        rules.put(SettingName.FARGATE_EVENT_WINDOWS, new Rule("disabled", ON_OFF, false, false, Map.of()));
    }

    Rule of(SettingName name) {
        return rules.getOrDefault(name, GENERIC);
    }

    /**
     * Refuses a change ECS would refuse: of a setting AWS manages, of a root-only setting for another
     * principal, to a value the setting does not take or no longer accepts.
     */
    void checkChange(SettingName name, String value, boolean forRoot) {
        Rule rule = of(name);
        checkWritable(name);
        if (rule.rootOnly() && !forRoot) {
            // Unverified wording: the API Reference says only that the root user must set it.
            throw Errors.invalidParameter("The account setting " + name + " can only be changed for the root user.");
        }
        if (!rule.values().contains(value)) {
            // ECS's text for a value a setting does not take (verified for containerInsights).
            throw Errors.invalidParameter("Invalid setting 'value'");
        }
        String refusal = rule.refusals().get(value);
        if (refusal != null) {
            throw Errors.invalidParameter(refusal);
        }
    }

    /** Refuses any change, or deletion, of a setting that AWS manages. */
    void checkWritable(SettingName name) {
        if (of(name).awsManaged()) {
            // Unverified wording: the API Reference says only that the setting is read-only.
            throw Errors.invalidParameter("The account setting " + name + " is managed by AWS and can't be changed.");
        }
    }
}
