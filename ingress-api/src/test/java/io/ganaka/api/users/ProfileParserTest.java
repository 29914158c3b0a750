package io.ganaka.api.users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import io.ganaka.api.errors.FieldError;
import io.ganaka.api.errors.MalformedRequestException;
import io.ganaka.api.errors.ValidationException;
import io.ganaka.api.users.Preferences.MonthlyBudget;
import io.ganaka.api.users.Preferences.Notifications;
import io.ganaka.api.users.Preferences.QuietHours;
import io.ganaka.api.users.Preferences.Sms;
import io.ganaka.schemas.Json;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProfileParserTest {

    private static final String CATEGORY = "0190a000-0000-7000-8000-0000000000c1";

    private static JsonNode json(String text) {
        try {
            return Json.MAPPER.readTree(text.replace('\'', '"'));
        } catch (Exception e) {
            throw new IllegalArgumentException(text, e);
        }
    }

    private static ProfileUpdate parse(String body) {
        return ProfileParser.update(json(body));
    }

    private static Preferences preferences(String document) {
        return parse("{'preferences':" + document + "}").preferences();
    }

    /** The errors of an invalid body as "path: message", in the order found. */
    private static List<String> errors(String body) {
        return catchThrowableOfType(ValidationException.class, () -> parse(body)).errors().stream()
                .map(e -> e.field() + ": " + e.message()).toList();
    }

    private static List<String> fields(String body) {
        return catchThrowableOfType(ValidationException.class, () -> parse(body)).errors().stream()
                .map(FieldError::field).toList();
    }

    @Test
    void anEmptyBodyGivesTheDefaultProfile() {
        ProfileUpdate update = parse("{}");

        assertThat(update).isEqualTo(new ProfileUpdate(null, "UTC", Preferences.DEFAULTS));
        assertThat(Preferences.DEFAULTS.notifications()).isEqualTo(new Notifications(true, Sms.OFF, true));
        assertThat(Preferences.DEFAULTS.monthlyBudgets()).isEmpty();
    }

    @Test
    void readsACompleteProfileAndNormalizesItsValues() {
        ProfileUpdate update = parse("""
                {'displayName':'  Ada  ','timezone':'Asia/Kolkata','preferences':{
                  'defaultCurrency':'EUR','highValueThreshold':'250.5',
                  'monthlyBudgets':[{'categoryId':'%s','currency':'JPY','amount':'30000'},
                                    {'categoryId':'%s','currency':'EUR','amount':120}],
                  'notifications':{'email':false,'sms':{'enabled':true,'phone':'+4915112345678'},'inApp':true},
                  'quietHours':{'start':'22:00','end':'07:30','timezone':'Europe/Berlin'}}}
                """.formatted(CATEGORY.toUpperCase(), CATEGORY));

        assertThat(update.displayName()).isEqualTo("Ada");
        assertThat(update.timezone()).isEqualTo("Asia/Kolkata");
        assertThat(update.preferences()).isEqualTo(new Preferences("EUR", "250.50",
                List.of(new MonthlyBudget(CATEGORY, "JPY", "30000"), new MonthlyBudget(CATEGORY, "EUR", "120.00")),
                new Notifications(false, new Sms(true, "+4915112345678"), true),
                new QuietHours("22:00", "07:30", "Europe/Berlin")));
    }

    @Test
    void theStoredDocumentReadsBackAsTheSamePreferences() {
        Preferences original = preferences("""
                {'defaultCurrency':'USD','monthlyBudgets':[{'categoryId':'%s','currency':'USD','amount':'9.99'}],
                 'quietHours':{'start':'23:15','end':'06:00'}}""".formatted(CATEGORY));

        assertThat(ProfileParser.preferences(Json.MAPPER.valueToTree(original))).isEqualTo(original);
        assertThat(ProfileParser.preferences(json("{}"))).isEqualTo(Preferences.DEFAULTS);
    }

    @Test
    void refusesUnknownKeysAtTheTopLevelNamingEach() {
        assertThat(errors("{'displayName':'A','role':'admin','id':'x','email':'a@b.c'}")).containsExactlyInAnyOrder(
                "role: is not a known field", "id: is not a known field", "email: is not a known field");
    }

    @Test
    void refusesUnknownKeysInsidePreferencesByTheirFullPath() {
        assertThat(fields("{'preferences':{'theme':'dark'}}")).containsExactly("preferences.theme");
        assertThat(fields("{'preferences':{'notifications':{'push':true}}}"))
                .containsExactly("preferences.notifications.push");
        assertThat(fields("{'preferences':{'notifications':{'sms':{'enabled':false,'carrier':'x'}}}}"))
                .containsExactly("preferences.notifications.sms.carrier");
        assertThat(fields("{'preferences':{'quietHours':{'start':'22:00','end':'06:00','days':[1]}}}"))
                .containsExactly("preferences.quietHours.days");
        assertThat(fields("{'preferences':{'monthlyBudgets':[{'categoryId':'%s','currency':'EUR','amount':'1',"
                .formatted(CATEGORY) + "'note':'x'}]}}")).containsExactly("preferences.monthlyBudgets[0].note");
    }

    @Test
    void displayNameMustBeOneToAHundredCharactersWithoutControlCharacters() {
        assertThat(parse("{'displayName':'" + "x".repeat(100) + "'}").displayName()).hasSize(100);
        assertThat(fields("{'displayName':'" + "x".repeat(101) + "'}")).containsExactly("displayName");
        assertThat(fields("{'displayName':'   '}")).containsExactly("displayName");
        assertThat(fields("{'displayName':42}")).containsExactly("displayName");
        assertThat(errors("{'displayName':'a\\u0007b'}")).containsExactly(
                "displayName: must not contain control characters");
        assertThat(parse("{'displayName':null}").displayName()).isNull();
    }

    @Test
    void timezonesMustBeRealZones() {
        assertThat(parse("{'timezone':'America/New_York'}").timezone()).isEqualTo("America/New_York");
        assertThat(fields("{'timezone':'Mars/Olympus'}")).containsExactly("timezone");
        assertThat(fields("{'timezone':''}")).containsExactly("timezone");
        assertThat(fields("{'timezone':7}")).containsExactly("timezone");
        assertThat(fields("{'preferences':{'quietHours':{'start':'22:00','end':'06:00','timezone':'Nowhere'}}}"))
                .containsExactly("preferences.quietHours.timezone");
    }

    @Test
    void defaultCurrencyMustBeAnIso4217Code() {
        assertThat(preferences("{'defaultCurrency':'INR'}").defaultCurrency()).isEqualTo("INR");
        assertThat(fields("{'preferences':{'defaultCurrency':'eur'}}")).containsExactly("preferences.defaultCurrency");
        assertThat(fields("{'preferences':{'defaultCurrency':'XYZ'}}")).containsExactly("preferences.defaultCurrency");
        assertThat(fields("{'preferences':{'defaultCurrency':1}}")).containsExactly("preferences.defaultCurrency");
    }

    @Test
    void highValueThresholdFollowsTheRulesOfAmounts() {
        assertThat(preferences("{'highValueThreshold':'100'}").highValueThreshold()).isEqualTo("100");
        assertThat(preferences("{'defaultCurrency':'JPY','highValueThreshold':'5000'}").highValueThreshold())
                .isEqualTo("5000");
        for (String bad : List.of("'0'", "'-5.00'", "'1.234'", "'abc'", "'99999999999.00'", "true", "'1e3'")) {
            assertThat(fields("{'preferences':{'highValueThreshold':" + bad + "}}")).as(bad)
                    .containsExactly("preferences.highValueThreshold");
        }
        assertThat(fields("{'preferences':{'defaultCurrency':'JPY','highValueThreshold':'10.5'}}"))
                .containsExactly("preferences.highValueThreshold");
    }

    @Test
    void everyBudgetNeedsACategoryUuidACurrencyAndAPositiveAmount() {
        assertThat(errors("{'preferences':{'monthlyBudgets':[{}]}}")).containsExactly(
                "preferences.monthlyBudgets[0].categoryId: is required",
                "preferences.monthlyBudgets[0].currency: is required",
                "preferences.monthlyBudgets[0].amount: is required");
        assertThat(fields("{'preferences':{'monthlyBudgets':[{'categoryId':'nope','currency':'EURO','amount':'0'}]}}"))
                .containsExactly("preferences.monthlyBudgets[0].categoryId", "preferences.monthlyBudgets[0].currency",
                        "preferences.monthlyBudgets[0].amount");
        assertThat(fields("{'preferences':{'monthlyBudgets':[1]}}")).containsExactly("preferences.monthlyBudgets[0]");
        assertThat(fields("{'preferences':{'monthlyBudgets':{}}}")).containsExactly("preferences.monthlyBudgets");
    }

    @Test
    void aCategoryMayHaveOneBudgetPerCurrency() {
        String budget = "{'categoryId':'" + CATEGORY + "','currency':'EUR','amount':'1.00'}";

        assertThat(fields("{'preferences':{'monthlyBudgets':[" + budget + "," + budget + "]}}"))
                .containsExactly("preferences.monthlyBudgets[1]");
    }

    @Test
    void refusesMoreBudgetsThanTheLimit() {
        String budget = "{'categoryId':'" + CATEGORY + "','currency':'EUR','amount':'1.00'}";
        String many = String.join(",", java.util.Collections.nCopies(ProfileParser.MAX_BUDGETS + 1, budget));

        assertThat(fields("{'preferences':{'monthlyBudgets':[" + many + "]}}"))
                .containsExactly("preferences.monthlyBudgets");
    }

    @Test
    void notificationChannelsAreBooleansAndKeepTheirDefaultsWhenOmitted() {
        assertThat(preferences("{'notifications':{'email':false}}").notifications())
                .isEqualTo(new Notifications(false, Sms.OFF, true));
        assertThat(fields("{'preferences':{'notifications':{'email':'yes','inApp':1}}}"))
                .containsExactly("preferences.notifications.email", "preferences.notifications.inApp");
        assertThat(fields("{'preferences':{'notifications':[]}}")).containsExactly("preferences.notifications");
    }

    @Test
    void smsNeedsAnE164PhoneWhenEnabled() {
        assertThat(errors("{'preferences':{'notifications':{'sms':{'enabled':true}}}}")).containsExactly(
                "preferences.notifications.sms.phone: is required when sms is enabled");
        for (String bad : List.of("015112345678", "+0123", "+49 151 1234", "+1234567890123456")) {
            assertThat(fields("{'preferences':{'notifications':{'sms':{'enabled':true,'phone':'" + bad + "'}}}}"))
                    .as(bad).containsExactly("preferences.notifications.sms.phone");
        }
        assertThat(preferences("{'notifications':{'sms':{'enabled':false}}}").notifications().sms())
                .isEqualTo(Sms.OFF);
        assertThat(preferences("{'notifications':{'sms':{'enabled':false,'phone':'+14155550123'}}}")
                .notifications().sms()).isEqualTo(new Sms(false, "+14155550123"));
    }

    @Test
    void quietHoursNeedStartAndEndAsDistinctTimesOfDay() {
        assertThat(preferences("{'quietHours':{'start':'00:00','end':'23:59'}}").quietHours())
                .isEqualTo(new QuietHours("00:00", "23:59", null));
        assertThat(errors("{'preferences':{'quietHours':{}}}")).containsExactly(
                "preferences.quietHours.start: is required", "preferences.quietHours.end: is required");
        assertThat(fields("{'preferences':{'quietHours':{'start':'24:00','end':'7:00'}}}"))
                .containsExactly("preferences.quietHours.start", "preferences.quietHours.end");
        assertThat(errors("{'preferences':{'quietHours':{'start':'22:00','end':'22:00'}}}"))
                .containsExactly("preferences.quietHours.end: must differ from start");
    }

    @Test
    void reportsEveryProblemOfABodyAtOnce() {
        assertThat(fields("{'displayName':'','timezone':'X','extra':1,'preferences':{'defaultCurrency':'??',"
                + "'notifications':{'sms':{'enabled':true}}}}")).containsExactlyInAnyOrder("displayName", "timezone",
                "extra", "preferences.defaultCurrency", "preferences.notifications.sms.phone");
    }

    @Test
    void aBodyOrPreferencesThatIsNotAnObjectIsRefused() {
        assertThatThrownBy(() -> parse("[]")).isInstanceOf(MalformedRequestException.class);
        assertThat(fields("{'preferences':'dark'}")).containsExactly("preferences");
    }
}
