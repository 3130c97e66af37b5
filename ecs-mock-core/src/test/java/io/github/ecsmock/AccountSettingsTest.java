package io.github.ecsmock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.groups.Tuple.tuple;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.Cluster;
import software.amazon.awssdk.services.ecs.model.ClusterField;
import software.amazon.awssdk.services.ecs.model.ClusterSetting;
import software.amazon.awssdk.services.ecs.model.ClusterSettingName;
import software.amazon.awssdk.services.ecs.model.EcsException;
import software.amazon.awssdk.services.ecs.model.InvalidParameterException;
import software.amazon.awssdk.services.ecs.model.ListAccountSettingsRequest;
import software.amazon.awssdk.services.ecs.model.ListAccountSettingsResponse;
import software.amazon.awssdk.services.ecs.model.Setting;
import software.amazon.awssdk.services.ecs.model.SettingName;
import software.amazon.awssdk.services.ecs.model.SettingType;

/**
 * PutAccountSetting, PutAccountSettingDefault, DeleteAccountSetting and ListAccountSettings: what each
 * principal sees (its own value, else the account default, else AWS's), the values each setting takes,
 * paging, and the account default of {@code containerInsights} reaching new clusters.
 */
class AccountSettingsTest extends EcsApiTest {
    private static final String ROOT = "arn:aws:iam::123456789012:root";
    private static final String ALICE = "arn:aws:iam::123456789012:user/alice";
    private static final String BOB = "arn:aws:iam::123456789012:user/bob";
    private static final String DEPLOYER = "arn:aws:iam::123456789012:role/ci/deployer";

    /** What ECS reports for each setting nobody set, in the order it lists them (alphabetical). */
    private static final Map<String, String> AWS_DEFAULTS = defaults();

    private static Map<String, String> defaults() {
        Map<String, String> defaults = new LinkedHashMap<>();
        defaults.put("awsvpcTrunking", "disabled");
        defaults.put("containerInsights", "disabled");
        defaults.put("containerInstanceLongArnFormat", "enabled");
        defaults.put("defaultLogDriverMode", "non-blocking");
        defaults.put("fargateEventWindows", "disabled");
        defaults.put("fargateFIPSMode", "disabled");
        defaults.put("fargateTaskRetirementWaitPeriod", "7");
        defaults.put("guardDutyActivate", "disabled");
        defaults.put("serviceLongArnFormat", "enabled");
        defaults.put("tagResourceAuthorization", "on");
        defaults.put("taskLongArnFormat", "enabled");
        return defaults;
    }

    private static Setting setting(String name, String value, String principal) {
        return Setting.builder().name(name).value(value).principalArn(principal).type(SettingType.USER).build();
    }

    /** Every setting a principal sees, through the SDK's paginator. */
    private List<Setting> effective(String principal) {
        List<Setting> all = new ArrayList<>();
        ecs.listAccountSettingsPaginator(r -> r.effectiveSettings(true).principalArn(principal)).settings().forEach(all::add);
        return all;
    }

    private Map<String, String> effectiveValues(String principal) {
        return effective(principal).stream().collect(Collectors.toMap(Setting::nameAsString, Setting::value, (a, b) -> a, TreeMap::new));
    }

    private String effectiveValue(String principal, SettingName name) {
        List<Setting> settings = ecs.listAccountSettings(r -> r.effectiveSettings(true).principalArn(principal).name(name)).settings();
        assertThat(settings).hasSize(1);
        return settings.get(0).value();
    }

    private static <T extends EcsException> String refused(Class<T> type, ThrowingCallable call) {
        T error = catchThrowableOfType(type, call);
        assertThat(error).as("expected %s", type.getSimpleName()).isNotNull();
        assertThat(error.statusCode()).isEqualTo(400);
        return error.awsErrorDetails().errorMessage();
    }

    // ---------------------------------------------------------------- defaults

    @Test
    void effectiveSettingsShowEveryNameWithTheValueAwsAssumes() {
        List<Setting> settings = effective(null);

        assertThat(settings).extracting(Setting::nameAsString)
                .containsExactlyElementsOf(AWS_DEFAULTS.keySet())
                .containsExactlyInAnyOrderElementsOf(SettingName.knownValues().stream().map(SettingName::toString).toList());
        assertThat(settings).allSatisfy(s -> {
            assertThat(s.value()).as(s.nameAsString()).isEqualTo(AWS_DEFAULTS.get(s.nameAsString()));
            assertThat(s.principalArn()).isEqualTo(ROOT);
        });
    }

    @Test
    void onlyGuardDutyActivateIsManagedByAws() {
        assertThat(effective(null)).allSatisfy(s -> assertThat(s.type()).as(s.nameAsString()).isEqualTo(
                s.name() == SettingName.GUARD_DUTY_ACTIVATE ? SettingType.AWS_MANAGED : SettingType.USER));
    }

    @Test
    void aUserWhoSetNothingSeesTheAwsDefaultsUnderTheRootUser() {
        assertThat(effectiveValues(ALICE)).containsExactlyEntriesOf(new TreeMap<>(AWS_DEFAULTS));
        assertThat(effective(ALICE)).extracting(Setting::principalArn).containsOnly(ROOT);
    }

    @Test
    void withoutEffectiveSettingsOnlyWhatThePrincipalSetIsListed() {
        ListAccountSettingsResponse nothing = ecs.listAccountSettings(r -> { });

        assertThat(nothing.hasSettings()).isTrue();
        assertThat(nothing.settings()).isEmpty();
        assertThat(nothing.nextToken()).isNull();
        assertThat(ecs.listAccountSettings(r -> r.principalArn(ALICE)).settings()).isEmpty();
    }

    // ---------------------------------------------------------------- put and delete

    @Test
    void putAccountSettingDefaultSetsTheAccountDefaultForTheRootUser() {
        Setting answered = ecs.putAccountSettingDefault(r -> r.name(SettingName.CONTAINER_INSIGHTS).value("enabled")).setting();

        assertThat(answered).isEqualTo(setting("containerInsights", "enabled", ROOT));
        assertThat(ecs.listAccountSettings(r -> { }).settings()).containsExactly(answered);
        assertThat(ecs.listAccountSettings(r -> r.principalArn(ROOT)).settings()).containsExactly(answered);
        assertThat(effectiveValue(null, SettingName.CONTAINER_INSIGHTS)).isEqualTo("enabled");
    }

    @Test
    void putAccountSettingWithoutPrincipalActsForTheCallerWhoIsTheRootUser() {
        Setting answered = ecs.putAccountSetting(r -> r.name(SettingName.AWSVPC_TRUNKING).value("enabled")).setting();

        assertThat(answered).isEqualTo(setting("awsvpcTrunking", "enabled", ROOT));
        assertThat(ecs.listAccountSettings(r -> r.principalArn(ROOT)).settings()).containsExactly(answered);
        assertThat(effectiveValue(ALICE, SettingName.AWSVPC_TRUNKING)).isEqualTo("enabled");
    }

    @Test
    void putAccountSettingForAUserChangesOnlyThatUser() {
        Setting answered = ecs.putAccountSetting(r -> r.name(SettingName.CONTAINER_INSIGHTS).value("enhanced")
                .principalArn(ALICE)).setting();

        assertThat(answered).isEqualTo(setting("containerInsights", "enhanced", ALICE));
        assertThat(ecs.listAccountSettings(r -> r.principalArn(ALICE)).settings()).containsExactly(answered);
        assertThat(ecs.listAccountSettings(r -> { }).settings()).isEmpty();
        assertThat(effectiveValue(ALICE, SettingName.CONTAINER_INSIGHTS)).isEqualTo("enhanced");
        assertThat(effectiveValue(BOB, SettingName.CONTAINER_INSIGHTS)).isEqualTo("disabled");
        assertThat(effectiveValue(null, SettingName.CONTAINER_INSIGHTS)).isEqualTo("disabled");
    }

    @Test
    void aRoleWithAPathCanHoldSettings() {
        ecs.putAccountSetting(r -> r.name(SettingName.DEFAULT_LOG_DRIVER_MODE).value("blocking").principalArn(DEPLOYER));

        assertThat(ecs.listAccountSettings(r -> r.principalArn(DEPLOYER)).settings())
                .containsExactly(setting("defaultLogDriverMode", "blocking", DEPLOYER));
    }

    @Test
    void aSecondPutReplacesTheValue() {
        ecs.putAccountSettingDefault(r -> r.name(SettingName.FARGATE_TASK_RETIREMENT_WAIT_PERIOD).value("0"));
        ecs.putAccountSettingDefault(r -> r.name(SettingName.FARGATE_TASK_RETIREMENT_WAIT_PERIOD).value("14"));

        assertThat(ecs.listAccountSettings(r -> { }).settings())
                .containsExactly(setting("fargateTaskRetirementWaitPeriod", "14", ROOT));
    }

    @Test
    void putAccountSettingForTheRootUserIsTheAccountDefault() {
        ecs.putAccountSetting(r -> r.name(SettingName.FARGATE_TASK_RETIREMENT_WAIT_PERIOD).value("14").principalArn(ROOT));

        assertThat(effectiveValue(ALICE, SettingName.FARGATE_TASK_RETIREMENT_WAIT_PERIOD)).isEqualTo("14");
    }

    @Test
    void deleteAccountSettingAnswersTheDeletedSettingAndTheDefaultShowsAgain() {
        ecs.putAccountSettingDefault(r -> r.name(SettingName.CONTAINER_INSIGHTS).value("enabled"));
        ecs.putAccountSetting(r -> r.name(SettingName.CONTAINER_INSIGHTS).value("enhanced").principalArn(ALICE));

        Setting deleted = ecs.deleteAccountSetting(r -> r.name(SettingName.CONTAINER_INSIGHTS).principalArn(ALICE)).setting();

        assertThat(deleted).isEqualTo(setting("containerInsights", "enhanced", ALICE));
        assertThat(ecs.listAccountSettings(r -> r.principalArn(ALICE)).settings()).isEmpty();
        assertThat(effectiveValue(ALICE, SettingName.CONTAINER_INSIGHTS)).isEqualTo("enabled");
    }

    @Test
    void deletingTheAccountDefaultBringsBackAwsDefault() {
        ecs.putAccountSettingDefault(r -> r.name(SettingName.FARGATE_TASK_RETIREMENT_WAIT_PERIOD).value("0"));

        Setting deleted = ecs.deleteAccountSetting(r -> r.name(SettingName.FARGATE_TASK_RETIREMENT_WAIT_PERIOD)).setting();

        assertThat(deleted).isEqualTo(setting("fargateTaskRetirementWaitPeriod", "0", ROOT));
        assertThat(effectiveValue(null, SettingName.FARGATE_TASK_RETIREMENT_WAIT_PERIOD)).isEqualTo("7");
        assertThat(ecs.listAccountSettings(r -> { }).settings()).isEmpty();
    }

    @Test
    void deletingASettingThePrincipalNeverSetIsRefused() {
        assertThat(refused(InvalidParameterException.class, () -> ecs.deleteAccountSetting(r -> r
                .name(SettingName.CONTAINER_INSIGHTS).principalArn(ALICE))))
                .isEqualTo("The account setting containerInsights is not set for the principal " + ALICE + ".");
    }

    // ---------------------------------------------------------------- effective settings

    @Test
    void aPrincipalsOwnSettingOverridesTheAccountDefaultWhichOverridesAws() {
        ecs.putAccountSettingDefault(r -> r.name(SettingName.AWSVPC_TRUNKING).value("enabled"));
        ecs.putAccountSettingDefault(r -> r.name(SettingName.DEFAULT_LOG_DRIVER_MODE).value("blocking"));
        ecs.putAccountSetting(r -> r.name(SettingName.AWSVPC_TRUNKING).value("disabled").principalArn(ALICE));

        List<Setting> alice = effective(ALICE);

        assertThat(alice).hasSize(AWS_DEFAULTS.size());
        assertThat(alice).filteredOn(s -> s.name() == SettingName.AWSVPC_TRUNKING)
                .containsExactly(setting("awsvpcTrunking", "disabled", ALICE));
        assertThat(alice).filteredOn(s -> s.name() == SettingName.DEFAULT_LOG_DRIVER_MODE)
                .containsExactly(setting("defaultLogDriverMode", "blocking", ROOT));
        assertThat(alice).filteredOn(s -> s.name() == SettingName.FARGATE_TASK_RETIREMENT_WAIT_PERIOD)
                .containsExactly(setting("fargateTaskRetirementWaitPeriod", "7", ROOT));
        assertThat(effectiveValue(BOB, SettingName.AWSVPC_TRUNKING)).isEqualTo("enabled");
        assertThat(effectiveValue(null, SettingName.AWSVPC_TRUNKING)).isEqualTo("enabled");
    }

    @Test
    void changingTheAccountDefaultReachesEveryoneWithoutTheirOwnSetting() {
        ecs.putAccountSetting(r -> r.name(SettingName.CONTAINER_INSIGHTS).value("disabled").principalArn(ALICE));
        ecs.putAccountSettingDefault(r -> r.name(SettingName.CONTAINER_INSIGHTS).value("enhanced"));

        assertThat(effectiveValue(ALICE, SettingName.CONTAINER_INSIGHTS)).isEqualTo("disabled");
        assertThat(effectiveValue(BOB, SettingName.CONTAINER_INSIGHTS)).isEqualTo("enhanced");
        assertThat(effectiveValue(DEPLOYER, SettingName.CONTAINER_INSIGHTS)).isEqualTo("enhanced");
    }

    // ---------------------------------------------------------------- filters

    @Test
    void nameAndValueFilterTheList() {
        ecs.putAccountSettingDefault(r -> r.name(SettingName.CONTAINER_INSIGHTS).value("enabled"));
        ecs.putAccountSettingDefault(r -> r.name(SettingName.AWSVPC_TRUNKING).value("enabled"));

        assertThat(ecs.listAccountSettings(r -> r.name(SettingName.CONTAINER_INSIGHTS)).settings())
                .containsExactly(setting("containerInsights", "enabled", ROOT));
        assertThat(ecs.listAccountSettings(r -> r.name(SettingName.CONTAINER_INSIGHTS).value("enabled")).settings())
                .containsExactly(setting("containerInsights", "enabled", ROOT));
        assertThat(ecs.listAccountSettings(r -> r.name(SettingName.CONTAINER_INSIGHTS).value("disabled")).settings()).isEmpty();
        assertThat(ecs.listAccountSettings(r -> r.name(SettingName.TASK_LONG_ARN_FORMAT)).settings()).isEmpty();
        assertThat(ecs.listAccountSettings(r -> r.effectiveSettings(true).name(SettingName.TASK_LONG_ARN_FORMAT)
                .value("enabled")).settings()).containsExactly(setting("taskLongArnFormat", "enabled", ROOT));
        assertThat(ecs.listAccountSettings(r -> r.effectiveSettings(true).name(SettingName.TASK_LONG_ARN_FORMAT)
                .value("disabled")).settings()).isEmpty();
    }

    @Test
    void aValueFilterWithoutANameIsRefused() {
        assertThat(refused(InvalidParameterException.class, () -> ecs.listAccountSettings(r -> r.value("enabled"))))
                .isEqualTo("value can only be given together with name.");
        assertThat(refused(InvalidParameterException.class, () -> ecs.listAccountSettings(r -> r.effectiveSettings(true)
                .value("enabled")))).isEqualTo("value can only be given together with name.");
    }

    // ---------------------------------------------------------------- paging

    @Test
    void effectiveSettingsPageTenAtATimeByDefault() {
        ListAccountSettingsResponse first = ecs.listAccountSettings(r -> r.effectiveSettings(true));

        assertThat(first.settings()).hasSize(10);
        assertThat(first.nextToken()).isNotNull();
        ListAccountSettingsResponse second = ecs.listAccountSettings(r -> r.effectiveSettings(true).nextToken(first.nextToken()));
        assertThat(second.settings()).extracting(Setting::nameAsString).containsExactly("taskLongArnFormat");
        assertThat(second.nextToken()).isNull();
    }

    @Test
    void maxResultsPagesWithoutSkippingOrRepeating() {
        List<List<String>> pages = new ArrayList<>();
        String token = null;
        do {
            String next = token;
            ListAccountSettingsResponse page = ecs.listAccountSettings(r -> r.effectiveSettings(true).maxResults(3).nextToken(next));
            pages.add(page.settings().stream().map(Setting::nameAsString).toList());
            token = page.nextToken();
        } while (token != null);

        assertThat(pages).extracting(List::size).containsExactly(3, 3, 3, 2);
        assertThat(pages.stream().flatMap(List::stream).toList()).containsExactlyElementsOf(AWS_DEFAULTS.keySet());
    }

    @Test
    void thePaginatorIteratesEverySettingOfEveryPage() {
        ecs.putAccountSettingDefault(r -> r.name(SettingName.CONTAINER_INSIGHTS).value("enhanced"));
        List<Setting> all = new ArrayList<>();
        ecs.listAccountSettingsPaginator(ListAccountSettingsRequest.builder().effectiveSettings(true).maxResults(1).build())
                .settings().forEach(all::add);

        assertThat(all).extracting(Setting::nameAsString).containsExactlyElementsOf(AWS_DEFAULTS.keySet());
        assertThat(all).filteredOn(s -> s.name() == SettingName.CONTAINER_INSIGHTS).extracting(Setting::value)
                .containsExactly("enhanced");
    }

    @Test
    void aPrincipalsOwnSettingsPageToo() {
        ecs.putAccountSetting(r -> r.name(SettingName.AWSVPC_TRUNKING).value("enabled").principalArn(ALICE));
        ecs.putAccountSetting(r -> r.name(SettingName.CONTAINER_INSIGHTS).value("enabled").principalArn(ALICE));
        ecs.putAccountSetting(r -> r.name(SettingName.FARGATE_EVENT_WINDOWS).value("enabled").principalArn(ALICE));

        ListAccountSettingsResponse first = ecs.listAccountSettings(r -> r.principalArn(ALICE).maxResults(2));
        ListAccountSettingsResponse second = ecs.listAccountSettings(r -> r.principalArn(ALICE).maxResults(2)
                .nextToken(first.nextToken()));

        assertThat(first.settings()).extracting(Setting::nameAsString).containsExactly("awsvpcTrunking", "containerInsights");
        assertThat(second.settings()).extracting(Setting::nameAsString).containsExactly("fargateEventWindows");
        assertThat(second.nextToken()).isNull();
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 11, -1})
    void maxResultsOutsideOneToTenIsRefused(int maxResults) {
        assertThat(refused(InvalidParameterException.class, () -> ecs.listAccountSettings(r -> r.maxResults(maxResults))))
                .isEqualTo("maxResults must be between 1 and 10.");
    }

    @Test
    void aTokenOfAnotherListOrNoneAtAllIsRefused() {
        ecs.createCluster(r -> r.clusterName("a"));
        ecs.createCluster(r -> r.clusterName("b"));
        String clustersToken = ecs.listClusters(r -> r.maxResults(1)).nextToken();

        assertThat(refused(InvalidParameterException.class, () -> ecs.listAccountSettings(r -> r.nextToken(clustersToken))))
                .startsWith("Invalid token ");
        assertThat(refused(InvalidParameterException.class, () -> ecs.listAccountSettings(r -> r.nextToken("bogus"))))
                .isEqualTo("Invalid token bogus");
    }

    // ---------------------------------------------------------------- values each setting takes

    @Test
    void aValueTheSettingDoesNotTakeIsRefused() {
        assertThat(refused(InvalidParameterException.class, () -> ecs.putAccountSettingDefault(r -> r
                .name(SettingName.CONTAINER_INSIGHTS).value("enhaced")))).isEqualTo("Invalid setting 'value'");
        assertThat(refused(InvalidParameterException.class, () -> ecs.putAccountSetting(r -> r
                .name(SettingName.CONTAINER_INSIGHTS).value("on")))).isEqualTo("Invalid setting 'value'");
        assertThat(refused(InvalidParameterException.class, () -> ecs.putAccountSettingDefault(r -> r
                .name(SettingName.FARGATE_TASK_RETIREMENT_WAIT_PERIOD).value("3")))).isEqualTo("Invalid setting 'value'");
        assertThat(refused(InvalidParameterException.class, () -> ecs.putAccountSettingDefault(r -> r
                .name(SettingName.TAG_RESOURCE_AUTHORIZATION).value("enabled")))).isEqualTo("Invalid setting 'value'");
        assertThat(refused(InvalidParameterException.class, () -> ecs.putAccountSetting(r -> r
                .name(SettingName.DEFAULT_LOG_DRIVER_MODE).value("enabled").principalArn(ALICE))))
                .isEqualTo("Invalid setting 'value'");
        assertThat(refused(InvalidParameterException.class, () -> ecs.putAccountSettingDefault(r -> r
                .name(SettingName.AWSVPC_TRUNKING).value("Enabled")))).isEqualTo("Invalid setting 'value'");
        assertThat(ecs.listAccountSettings(r -> { }).settings()).isEmpty();
    }

    @Test
    void everyValueEachSettingTakesIsAccepted() {
        Map<SettingName, List<String>> accepted = Map.of(
                SettingName.CONTAINER_INSIGHTS, List.of("enabled", "disabled", "enhanced"),
                SettingName.AWSVPC_TRUNKING, List.of("enabled", "disabled"),
                SettingName.FARGATE_FIPS_MODE, List.of("enabled", "disabled"),
                SettingName.FARGATE_EVENT_WINDOWS, List.of("enabled", "disabled"),
                SettingName.FARGATE_TASK_RETIREMENT_WAIT_PERIOD, List.of("0", "7", "14"),
                SettingName.DEFAULT_LOG_DRIVER_MODE, List.of("blocking", "non-blocking"),
                SettingName.TAG_RESOURCE_AUTHORIZATION, List.of("on"),
                SettingName.SERVICE_LONG_ARN_FORMAT, List.of("enabled"),
                SettingName.TASK_LONG_ARN_FORMAT, List.of("enabled"),
                SettingName.CONTAINER_INSTANCE_LONG_ARN_FORMAT, List.of("enabled"));
        accepted.forEach((name, values) -> values.forEach(value -> {
            assertThat(ecs.putAccountSettingDefault(r -> r.name(name).value(value)).setting().value()).isEqualTo(value);
            assertThat(effectiveValue(null, name)).isEqualTo(value);
        }));
    }

    @Test
    void theLongArnFormatsCanNoLongerBeDisabled() {
        for (SettingName name : List.of(SettingName.SERVICE_LONG_ARN_FORMAT, SettingName.TASK_LONG_ARN_FORMAT,
                SettingName.CONTAINER_INSTANCE_LONG_ARN_FORMAT)) {
            assertThat(refused(InvalidParameterException.class, () -> ecs.putAccountSettingDefault(r -> r.name(name)
                    .value("disabled")))).isEqualTo("You can no longer disable Long Arn settings");
            assertThat(refused(InvalidParameterException.class, () -> ecs.putAccountSetting(r -> r.name(name)
                    .value("disabled").principalArn(ALICE)))).isEqualTo("You can no longer disable Long Arn settings");
            assertThat(effectiveValue(ALICE, name)).isEqualTo("enabled");
        }
    }

    @Test
    void tagResourceAuthorizationCanNoLongerBeTurnedOff() {
        assertThat(refused(InvalidParameterException.class, () -> ecs.putAccountSettingDefault(r -> r
                .name(SettingName.TAG_RESOURCE_AUTHORIZATION).value("off"))))
                .isEqualTo("You can no longer turn off tagResourceAuthorization");
        assertThat(effectiveValue(null, SettingName.TAG_RESOURCE_AUTHORIZATION)).isEqualTo("on");
    }

    @Test
    void rootOnlySettingsCannotBeSetForAUserOrRole() {
        assertThat(refused(InvalidParameterException.class, () -> ecs.putAccountSetting(r -> r
                .name(SettingName.FARGATE_TASK_RETIREMENT_WAIT_PERIOD).value("14").principalArn(ALICE))))
                .isEqualTo("The account setting fargateTaskRetirementWaitPeriod can only be changed for the root user.");
        assertThat(refused(InvalidParameterException.class, () -> ecs.putAccountSetting(r -> r
                .name(SettingName.FARGATE_FIPS_MODE).value("enabled").principalArn(DEPLOYER))))
                .isEqualTo("The account setting fargateFIPSMode can only be changed for the root user.");
        assertThat(ecs.putAccountSetting(r -> r.name(SettingName.FARGATE_FIPS_MODE).value("enabled")).setting())
                .isEqualTo(setting("fargateFIPSMode", "enabled", ROOT));
    }

    @Test
    void guardDutyActivateIsReadOnly() {
        String message = "The account setting guardDutyActivate is managed by AWS and can't be changed.";

        assertThat(refused(InvalidParameterException.class, () -> ecs.putAccountSettingDefault(r -> r
                .name(SettingName.GUARD_DUTY_ACTIVATE).value("enabled")))).isEqualTo(message);
        assertThat(refused(InvalidParameterException.class, () -> ecs.putAccountSetting(r -> r
                .name(SettingName.GUARD_DUTY_ACTIVATE).value("enabled").principalArn(ALICE)))).isEqualTo(message);
        assertThat(refused(InvalidParameterException.class, () -> ecs.deleteAccountSetting(r -> r
                .name(SettingName.GUARD_DUTY_ACTIVATE)))).isEqualTo(message);
        assertThat(effective(null)).filteredOn(s -> s.name() == SettingName.GUARD_DUTY_ACTIVATE)
                .extracting(Setting::value, Setting::type).containsExactly(tuple("disabled", SettingType.AWS_MANAGED));
    }

    @Test
    void anUnknownNameOrAMissingMemberIsRefusedFromTheModel() {
        assertThat(refused(InvalidParameterException.class, () -> ecs.putAccountSetting(r -> r.name("containerInsight")
                .value("enabled")))).startsWith("name should be one of [serviceLongArnFormat,taskLongArnFormat,");
        assertThat(refused(InvalidParameterException.class, () -> ecs.listAccountSettings(r -> r.name("bogus"))))
                .startsWith("name should be one of [");
        assertThat(refused(InvalidParameterException.class, () -> ecs.putAccountSettingDefault(r -> r
                .name(SettingName.CONTAINER_INSIGHTS)))).isEqualTo("value can not be blank.");
        assertThat(refused(InvalidParameterException.class, () -> ecs.putAccountSetting(r -> r
                .name(SettingName.CONTAINER_INSIGHTS).value("")))).isEqualTo("value can not be blank.");
        assertThat(refused(InvalidParameterException.class, () -> ecs.deleteAccountSetting(r -> r.principalArn(ALICE))))
                .isEqualTo("name can not be blank.");
    }

    // ---------------------------------------------------------------- principals

    @ParameterizedTest
    @ValueSource(strings = {"alice", "arn:aws:iam::123456789012:group/admins", "arn:aws:iam::123456789012:user/",
            "arn:aws:sts::123456789012:assumed-role/deployer/session", "arn:aws:iam::12345:root",
            "arn:aws:ecs:us-east-1:123456789012:cluster/dev"})
    void aPrincipalArnThatIsNotAnIamPrincipalIsRefused(String principal) {
        String message = "The specified principalArn '" + principal
                + "' is not valid. Specify the ARN of an IAM user, an IAM role or the root user and try again.";

        assertThat(refused(InvalidParameterException.class, () -> ecs.putAccountSetting(r -> r
                .name(SettingName.CONTAINER_INSIGHTS).value("enabled").principalArn(principal)))).isEqualTo(message);
        assertThat(refused(InvalidParameterException.class, () -> ecs.deleteAccountSetting(r -> r
                .name(SettingName.CONTAINER_INSIGHTS).principalArn(principal)))).isEqualTo(message);
        assertThat(refused(InvalidParameterException.class, () -> ecs.listAccountSettings(r -> r.principalArn(principal))))
                .isEqualTo(message);
    }

    @ParameterizedTest
    @ValueSource(strings = {"arn:aws:iam::111122223333:root", "arn:aws:iam::111122223333:user/alice",
            "arn:aws-cn:iam::123456789012:user/alice"})
    void aPrincipalOfAnotherAccountOrPartitionIsRefused(String principal) {
        String message = "The specified principalArn '" + principal
                + "' is not of this account. Specify a principal of account 123456789012 and try again.";

        assertThat(refused(InvalidParameterException.class, () -> ecs.putAccountSetting(r -> r
                .name(SettingName.CONTAINER_INSIGHTS).value("enabled").principalArn(principal)))).isEqualTo(message);
        assertThat(refused(InvalidParameterException.class, () -> ecs.listAccountSettings(r -> r.principalArn(principal)
                .effectiveSettings(true)))).isEqualTo(message);
    }

    @Test
    void anEmptyPrincipalArnMeansTheCaller() {
        ecs.putAccountSetting(r -> r.name(SettingName.CONTAINER_INSIGHTS).value("enabled").principalArn(""));

        assertThat(ecs.listAccountSettings(r -> r.principalArn("")).settings())
                .containsExactly(setting("containerInsights", "enabled", ROOT));
    }

    // ---------------------------------------------------------------- isolation and reset

    @Test
    void accountSettingsAreKeptPerRegion() {
        try (EcsClient ireland = mock.newClient("eu-west-1", EcsMock.DEFAULT_ACCOUNT, Transport.IN_MEMORY)) {
            ireland.putAccountSettingDefault(r -> r.name(SettingName.CONTAINER_INSIGHTS).value("enhanced"));

            assertThat(ireland.listAccountSettings(r -> r.effectiveSettings(true).name(SettingName.CONTAINER_INSIGHTS))
                    .settings()).extracting(Setting::value).containsExactly("enhanced");
            assertThat(effectiveValue(null, SettingName.CONTAINER_INSIGHTS)).isEqualTo("disabled");
            assertThat(ecs.listAccountSettings(r -> { }).settings()).isEmpty();
            assertThat(ireland.createCluster(r -> r.clusterName("dev")).cluster().settings())
                    .extracting(ClusterSetting::value).containsExactly("enhanced");
            assertThat(ecs.createCluster(r -> r.clusterName("dev")).cluster().settings())
                    .extracting(ClusterSetting::value).containsExactly("disabled");
        }
    }

    @Test
    void accountSettingsAreKeptPerAccount() {
        String otherRoot = "arn:aws:iam::111122223333:root";
        try (EcsClient other = mock.newClient(EcsMock.DEFAULT_REGION, "111122223333", Transport.IN_MEMORY)) {
            Setting answered = other.putAccountSettingDefault(r -> r.name(SettingName.AWSVPC_TRUNKING).value("enabled")).setting();

            assertThat(answered.principalArn()).isEqualTo(otherRoot);
            assertThat(other.listAccountSettings(r -> { }).settings()).containsExactly(setting("awsvpcTrunking", "enabled", otherRoot));
            assertThat(ecs.listAccountSettings(r -> { }).settings()).isEmpty();
        }
    }

    @Test
    void resetForgetsEverySetting() {
        ecs.putAccountSettingDefault(r -> r.name(SettingName.CONTAINER_INSIGHTS).value("enabled"));
        ecs.putAccountSetting(r -> r.name(SettingName.AWSVPC_TRUNKING).value("enabled").principalArn(ALICE));

        mock.reset();

        assertThat(ecs.listAccountSettings(r -> { }).settings()).isEmpty();
        assertThat(ecs.listAccountSettings(r -> r.principalArn(ALICE)).settings()).isEmpty();
        assertThat(effectiveValues(ALICE)).containsExactlyEntriesOf(new TreeMap<>(AWS_DEFAULTS));
    }

    // ---------------------------------------------------------------- containerInsights and new clusters

    @Test
    void aNewClusterTakesTheContainerInsightsAccountDefault() {
        ecs.putAccountSettingDefault(r -> r.name(SettingName.CONTAINER_INSIGHTS).value("enhanced"));

        Cluster created = ecs.createCluster(r -> r.clusterName("production")).cluster();

        assertThat(created.settings()).containsExactly(
                ClusterSetting.builder().name(ClusterSettingName.CONTAINER_INSIGHTS).value("enhanced").build());
        assertThat(ecs.describeClusters(r -> r.clusters("production").include(ClusterField.SETTINGS)).clusters().get(0).settings())
                .extracting(ClusterSetting::value).containsExactly("enhanced");
    }

    @Test
    void aClusterThatNamesContainerInsightsKeepsItsOwnValue() {
        ecs.putAccountSettingDefault(r -> r.name(SettingName.CONTAINER_INSIGHTS).value("enabled"));

        Cluster created = ecs.createCluster(r -> r.clusterName("production")
                .settings(ClusterSetting.builder().name(ClusterSettingName.CONTAINER_INSIGHTS).value("disabled").build()))
                .cluster();

        assertThat(created.settings()).extracting(ClusterSetting::value).containsExactly("disabled");
    }

    @Test
    void anotherPrincipalsSettingDoesNotReachTheCallersClusters() {
        ecs.putAccountSetting(r -> r.name(SettingName.CONTAINER_INSIGHTS).value("enabled").principalArn(ALICE));

        assertThat(ecs.createCluster(r -> r.clusterName("production")).cluster().settings())
                .extracting(ClusterSetting::value).containsExactly("disabled");
    }

    @Test
    void changingTheDefaultLeavesExistingClustersAlone() {
        ecs.createCluster(r -> r.clusterName("before"));
        ecs.putAccountSettingDefault(r -> r.name(SettingName.CONTAINER_INSIGHTS).value("enabled"));
        ecs.createCluster(r -> r.clusterName("after"));

        assertThat(ecs.describeClusters(r -> r.clusters("before", "after").include(ClusterField.SETTINGS)).clusters())
                .extracting(Cluster::clusterName, c -> c.settings().get(0).value())
                .containsExactly(tuple("before", "disabled"), tuple("after", "enabled"));
    }
}
