package io.ganaka.sinks.notify;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.util.Date;
import java.util.Optional;
import java.util.Properties;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;

/**
 * E-mail over SMTP (Angus Mail): STARTTLS when the server offers it, authentication when a user is configured, and
 * timeouts on connect, read and write. A reply code 5xx for the message or a recipient, or an address that does not
 * parse, is permanent; everything else (no connection, 4xx, a timeout, refused credentials) may pass and is retried.
 */
public final class EmailChannel implements NotificationChannel {

    private final NotificationSettings.Smtp smtp;
    private final Session session;

    public EmailChannel(NotificationSettings.Smtp smtp) {
        this.smtp = smtp;
        Properties p = new Properties();
        p.put("mail.smtp.host", smtp.host());
        p.put("mail.smtp.port", Integer.toString(smtp.port()));
        p.put("mail.smtp.starttls.enable", "true");
        p.put("mail.smtp.starttls.required", "false");
        p.put("mail.smtp.auth", Boolean.toString(smtp.user().isPresent()));
        String millis = Long.toString(smtp.timeout().toMillis());
        p.put("mail.smtp.connectiontimeout", millis);
        p.put("mail.smtp.timeout", millis);
        p.put("mail.smtp.writetimeout", millis);
        this.session = Session.getInstance(p);
    }

    @Override
    public String name() {
        return "email";
    }

    @Override
    public Optional<String> recipientFor(UserContact user) {
        return user.preferences().email() && user.email() != null ? Optional.of(user.email()) : Optional.empty();
    }

    @Override
    public DeliveryOutcome deliver(Notification n) {
        MimeMessage message;
        try {
            message = message(n);
        } catch (AddressException e) {
            return DeliveryOutcome.failed("bad address: " + e.getMessage());
        } catch (MessagingException e) {
            return DeliveryOutcome.failed("cannot build the message: " + e.getMessage());
        }
        try {
            if (smtp.user().isPresent()) {
                Transport.send(message, smtp.user().get(), smtp.password().orElse(""));
            } else {
                Transport.send(message);
            }
            return DeliveryOutcome.SENT;
        } catch (MessagingException e) {
            return classify(e);
        }
    }

    private MimeMessage message(Notification n) throws MessagingException {
        MimeMessage message = new MimeMessage(session);
        message.setFrom(new InternetAddress(smtp.from(), true));
        message.setRecipients(Message.RecipientType.TO, InternetAddress.parse(n.recipient(), true));
        message.setSubject(n.subject(), "UTF-8");
        message.setSentDate(new Date());
        message.setHeader("X-Ganaka-Notification-Id", n.id().toString());
        if (n.bodyHtml() == null) {
            message.setText(n.body(), "UTF-8");
        } else {
            MimeBodyPart text = new MimeBodyPart();
            text.setText(n.body(), "UTF-8");
            MimeBodyPart html = new MimeBodyPart();
            html.setText(n.bodyHtml(), "UTF-8", "html");
            message.setContent(new MimeMultipart("alternative", text, html));
        }
        return message;
    }

    /** Permanent only when the server said so (5xx) for the message or its recipient. */
    static DeliveryOutcome classify(MessagingException e) {
        String error = describe(e);
        Integer code = replyCode(e);
        if (code != null && code >= 500 && code < 600 && !(e instanceof AuthenticationFailedException)) {
            return DeliveryOutcome.failed(error);
        }
        return DeliveryOutcome.retry(error);
    }

    private static Integer replyCode(Exception e) {
        for (Exception x = e; x != null; x = x instanceof MessagingException m ? m.getNextException() : null) {
            if (x instanceof SMTPAddressFailedException a) {
                return a.getReturnCode();
            }
            if (x instanceof SMTPSendFailedException s) {
                return s.getReturnCode();
            }
        }
        return null;
    }

    private static String describe(MessagingException e) {
        StringBuilder b = new StringBuilder(e.getClass().getSimpleName()).append(": ").append(e.getMessage());
        Throwable cause = e.getCause() != null ? e.getCause() : e.getNextException();
        if (cause != null && cause != e) {
            b.append(" (").append(cause.getClass().getSimpleName()).append(": ").append(cause.getMessage()).append(')');
        }
        return NotificationTemplates.oneLine(b.toString());
    }
}
