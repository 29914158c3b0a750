package io.ganaka.sinks.notify;

import static org.assertj.core.api.Assertions.assertThat;

import io.ganaka.schemas.EventPayload;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Which channels a user's stored preferences turn on, and the rows the intake makes from them. */
class NotificationPreferencesTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final UUID USER = UUID.randomUUID();

    private final NotificationIntake intake = new NotificationIntake(List.of(
            new EmailChannel(new NotificationSettings.Smtp("localhost", 2525, Optional.empty(), Optional.empty(),
                    "no-reply@localhost", Duration.ofSeconds(1))),
            new SmsChannel(new LogSmsProvider()),
            new InAppChannel(null, io.ganaka.schemas.Naming.DEFAULT, Duration.ofSeconds(1))),
            new NotificationTemplates(), java.time.Clock.systemUTC(), "");

    private List<String> channelsFor(String preferences) {
        UserContact user = new UserContact(USER, "asha@example.com", "Asha", BERLIN,
                NotificationPreferences.parse(preferences, BERLIN));
        NotificationRequest welcome = new NotificationRequest(USER, UUID.randomUUID(), "welcome",
                new EventPayload.UserRegistered("asha@example.com", "Asha", "UTC"), java.time.Instant.EPOCH);
        return intake.rows(welcome, user, java.util.Map.of()).stream().map(NotificationIntake.Row::channel).toList();
    }

    @Test
    void anEmptyDocumentMeansEmailAndInAppButNoSms() {
        assertThat(channelsFor("{}")).containsExactly("email", "in-app");
        assertThat(NotificationPreferences.parse("{}", BERLIN)).isEqualTo(NotificationPreferences.DEFAULTS);
    }

    @Test
    void aUserWhoTurnedEmailOffGetsNoEmailRow() {
        assertThat(channelsFor("{\"notifications\":{\"email\":false,\"inApp\":true}}")).containsExactly("in-app");
    }

    @Test
    void smsNeedsToBeOnAndToHaveAPhone() {
        assertThat(channelsFor("{\"notifications\":{\"email\":false,\"sms\":{\"enabled\":true,"
                + "\"phone\":\"+4915112345678\"},\"inApp\":false}}")).containsExactly("sms");
        assertThat(channelsFor("{\"notifications\":{\"sms\":{\"enabled\":true}}}")).containsExactly("email", "in-app");
        assertThat(channelsFor("{\"notifications\":{\"sms\":{\"enabled\":false,\"phone\":\"+4915112345678\"}}}"))
                .containsExactly("email", "in-app");
    }

    @Test
    void everythingOffMakesNoRowAtAll() {
        assertThat(channelsFor("{\"notifications\":{\"email\":false,\"sms\":{\"enabled\":false},\"inApp\":false}}"))
                .isEmpty();
    }

    @Test
    void theSmsRowGoesToThePhoneAndTheEmailRowToTheAddress() {
        UserContact user = new UserContact(USER, "asha@example.com", "Asha", BERLIN, NotificationPreferences.parse(
                "{\"notifications\":{\"sms\":{\"enabled\":true,\"phone\":\"+4915112345678\"}}}", BERLIN));
        UUID source = UUID.randomUUID();
        List<NotificationIntake.Row> rows = intake.rows(new NotificationRequest(USER, source, "welcome",
                new EventPayload.UserRegistered("a", "b", "UTC"), java.time.Instant.EPOCH), user, java.util.Map.of());
        assertThat(rows).extracting(NotificationIntake.Row::channel, NotificationIntake.Row::recipient)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("email", "asha@example.com"),
                        org.assertj.core.groups.Tuple.tuple("sms", "+4915112345678"),
                        org.assertj.core.groups.Tuple.tuple("in-app", USER.toString()));
        assertThat(rows).extracting(NotificationIntake.Row::id).doesNotHaveDuplicates()
                .first().isEqualTo(NotificationIntake.notificationId(USER, source, "email"));
    }

    @Test
    void quietHoursTakeTheirOwnZoneOrElseTheUsers() {
        assertThat(NotificationPreferences.parse("{\"quietHours\":{\"start\":\"22:00\",\"end\":\"07:00\"}}", BERLIN)
                .quietHours()).contains(new QuietHours(LocalTime.of(22, 0), LocalTime.of(7, 0), BERLIN));
        assertThat(NotificationPreferences.parse("{\"quietHours\":{\"start\":\"22:00\",\"end\":\"07:00\","
                + "\"timezone\":\"UTC\"}}", BERLIN).quietHours())
                .contains(new QuietHours(LocalTime.of(22, 0), LocalTime.of(7, 0), ZoneId.of("UTC")));
        assertThat(NotificationPreferences.parse("{\"quietHours\":{\"start\":\"late\",\"end\":\"07:00\"}}",
                ZoneOffset.UTC).quietHours()).isEmpty();
    }

    @Test
    void anUnreadableDocumentFallsBackToTheDefaults() {
        assertThat(NotificationPreferences.parse("not json", BERLIN)).isEqualTo(NotificationPreferences.DEFAULTS);
        assertThat(NotificationPreferences.parse(null, BERLIN)).isEqualTo(NotificationPreferences.DEFAULTS);
    }
}
