package vn.hanoi.cityops.notify;

import com.interaso.webpush.VapidKeys;
import com.interaso.webpush.WebPush;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.sqlclient.Pool;
import vn.hanoi.cityops.auth.AuditLog;
import vn.hanoi.cityops.auth.Guard;
import vn.hanoi.cityops.auth.UserRepository;
import vn.hanoi.cityops.city.Hanoi;
import vn.hanoi.cityops.config.AppConfig;
import vn.hanoi.cityops.web.Routes;

import java.time.Clock;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Outbound messages to people, a floor the capabilities stand on (so not a {@code Capability}: the composition root
 * mounts its routes and hands its {@link Notifier} to whoever sends). Needs the configuration ({@code notify.*},
 * {@code dev.mode}), the pool, the audit log and the guard. Started after people and access ({@link #start}):
 * resolves the VAPID key pair, builds the five channels and, on a development node, gives each demo user an email
 * contact point {@code <username>@localhost}. Offers the contact-point routes and the {@link Notifier}.
 */
public final class NotifyModule {
  private final Notifier notifier;
  private final ContactPointRoutes routes;

  private NotifyModule(Notifier notifier, ContactPointRoutes routes) {
    this.notifier = notifier;
    this.routes = routes;
  }

  public static Future<NotifyModule> start(Vertx vertx, AppConfig config, Pool pool, AuditLog audit, Guard guard) {
    AppConfig.Notify settings = config.notifications();
    return VapidKeyPair.resolve(vertx, settings.webpush(), pool).compose(vapid -> {
      NotifyModule module = assemble(vertx, settings, pool, audit, guard, vapid);
      return config.devMode()
          ? DemoContacts.seed(new UserRepository(pool), new ContactPoints(pool), audit).map(module)
          : Future.succeededFuture(module);
    });
  }

  private static NotifyModule assemble(Vertx vertx, AppConfig.Notify settings, Pool pool, AuditLog audit, Guard guard,
                                       VapidKeys vapid) {
    int timeoutMs = settings.timeoutMs();
    WebClient web = WebClient.create(vertx, new WebClientOptions()
        .setConnectTimeout(timeoutMs)
        .setUserAgent("cityops-notify"));
    TelegramChannel telegram = new TelegramChannel(vertx, web, settings.telegram(), timeoutMs);
    Map<ChannelKind, Channel> channels = new EnumMap<>(ChannelKind.class);
    for (Channel channel : List.of(
        new EmailChannel(vertx, settings.smtp(), timeoutMs),
        telegram,
        new ZaloChannel(web, settings.zalo(), timeoutMs),
        new SmsChannel(web, settings.sms(), timeoutMs),
        new WebPushChannel(vertx, web, new WebPush(settings.webpush().subject(), vapid), timeoutMs))) {
      channels.put(channel.kind(), channel);
    }
    UserRepository users = new UserRepository(pool);
    ContactPoints points = new ContactPoints(pool);
    Notifier notifier = new Notifier(vertx, users, points, new NotificationLog(pool), channels, audit, settings,
        Clock.system(Hanoi.ZONE));
    return new NotifyModule(notifier,
        new ContactPointRoutes(users, points, channels, telegram, notifier, audit, guard, VapidKeyPair.publicKey(vapid)));
  }

  /** Its HTTP routes (the composition root mounts them with every capability's). */
  public List<Routes> routes() {
    return List.of(routes);
  }

  /** What the capabilities send messages to people with. */
  public Notifier notifier() {
    return notifier;
  }
}
