/**
 * Outbound messages to people, the floor between the capabilities and people and access: capabilities (the on-call
 * engine, briefing invitations) send through the {@link vn.hanoi.cityops.notify.Notifier}, which reaches a person on
 * their contact points ({@code contact_point}, {@code ContactPoints}, over HTTP in {@code ContactPointRoutes}) by
 * email ({@code EmailChannel}, SMTP), Telegram ({@code TelegramChannel}, Bot API), Zalo ({@code ZaloChannel}, OA
 * API), SMS ({@code SmsChannel}, a gateway) and Web Push ({@code WebPushChannel}, VAPID and {@code aes128gcm}; the
 * key pair in {@code VapidKeyPair}); which channels carry a message — order, fallbacks, quiet hours — is the pure
 * {@code Plan}, the address rules the pure {@code ContactRules}. Every message and attempt is recorded
 * ({@code notification}, {@code notification_attempt}, {@code NotificationLog}). {@link
 * vn.hanoi.cityops.notify.NotifyModule} starts it; it listens to no event-bus address and keeps no state outside
 * PostgreSQL. It may import people and access, the web plumbing, the city, the store and the ground floor;
 * capabilities may import it, nothing below them does.
 */
package vn.hanoi.cityops.notify;
