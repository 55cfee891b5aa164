package vn.hanoi.cityops.auth;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.auth.JWTOptions;
import io.vertx.ext.auth.PubSecKeyOptions;
import io.vertx.ext.auth.authentication.TokenCredentials;
import io.vertx.ext.auth.jwt.JWTAuth;
import io.vertx.ext.auth.jwt.JWTAuthOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.hanoi.cityops.bus.Addresses;
import vn.hanoi.cityops.failure.Failure;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Sign-in tokens: JWTs signed with HS256 ({@code vertx-auth-jwt}) carrying the user's roles, agency and
 * a session id. A token is honoured until it expires or its session ends; ended sessions are cached on
 * every node, reloaded every few seconds and at once when a node announces an ending.
 */
public final class TokenService {
  private static final Logger LOG = LoggerFactory.getLogger(TokenService.class);
  private static final String BEARER = "Bearer ";

  /** A freshly signed token and when it stops being honoured. */
  public record Issued(String token, String tokenId, Instant expiresAt) {
  }

  private final Vertx vertx;
  private final JWTAuth jwt;
  private final UserRepository users;
  private final int ttlSeconds;
  private volatile Set<String> ended = ConcurrentHashMap.newKeySet();

  public TokenService(Vertx vertx, String secret, UserRepository users, int ttlSeconds) {
    this.vertx = vertx;
    this.jwt = JWTAuth.create(vertx, new JWTAuthOptions()
        .addPubSecKey(new PubSecKeyOptions().setAlgorithm("HS256").setBuffer(secret))
        .setJWTOptions(new JWTOptions().setIssuer("cityops").setLeeway(0)));
    this.users = users;
    this.ttlSeconds = ttlSeconds;
  }

  public Future<Void> start(Vertx vertx, long refreshMs) {
    vertx.eventBus().<String>consumer(Addresses.SESSIONS_CHANGED, msg -> refresh());
    vertx.setPeriodic(refreshMs, id -> refresh());
    return refresh();
  }

  private Future<Void> refresh() {
    return users.endedUnexpiredTokens()
        .onFailure(e -> LOG.warn("sessions=refresh_failed reason={}", e.getMessage()))
        .map(ids -> {
          Set<String> fresh = ConcurrentHashMap.newKeySet();
          fresh.addAll(ids);
          ended = fresh;
          return null;
        });
  }

  public Issued issue(UserRepository.User user) {
    return issue(user, ttlSeconds);
  }

  /** A token honoured for {@code ttlSeconds} (a display token lives for months). */
  public Issued issue(UserRepository.User user, int ttlSeconds) {
    String tokenId = UUID.randomUUID().toString();
    Instant expiresAt = Instant.now().plusSeconds(ttlSeconds);
    JsonObject claims = new JsonObject()
        .put("jti", tokenId)
        .put("uid", user.id())
        .put("name", user.displayName())
        .put("agency", user.agency())
        .put("lang", user.language())
        .put("roles", new JsonArray(user.roles().stream().map(Role::code).sorted().toList()));
    String token = jwt.generateToken(claims, new JWTOptions()
        .setAlgorithm("HS256").setIssuer("cityops").setSubject(user.username()).setExpiresInSeconds(ttlSeconds));
    return new Issued(token, tokenId, expiresAt);
  }

  /**
   * Ends every session of the user in the database, refuses their tokens on this node before answering (so the
   * caller's next request already fails) and tells the other nodes to reload.
   */
  public Future<Void> endSessionsOf(long userId) {
    return users.endSessionsOf(userId)
        .compose(v -> users.endedUnexpiredTokens())
        .map(ended -> {
          ended.forEach(this::forget);
          vertx.eventBus().publish(Addresses.SESSIONS_CHANGED, "user:" + userId);
          return null;
        });
  }

  /** Marks the token's session ended on this node at once (the caller stores it and tells the others). */
  public void forget(String tokenId) {
    ended.add(tokenId);
  }

  /** The signed-in person of an {@code Authorization} header, or a 401. */
  public Future<Principal> verifyHeader(String authorization) {
    if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      return Future.failedFuture(Failure.unauthenticated("sign in first: send 'Authorization: Bearer <token>'"));
    }
    return verify(authorization.substring(BEARER.length()).trim());
  }

  /** The signed-in person of a raw token, or a 401. */
  public Future<Principal> verify(String token) {
    if (token == null || token.isEmpty()) {
      return Future.failedFuture(Failure.unauthenticated("sign in first: no token"));
    }
    return jwt.authenticate(new TokenCredentials(token))
        .recover(e -> Future.failedFuture(Failure.unauthenticated("the token is invalid or expired; sign in again")))
        .compose(user -> {
          JsonObject claims = user.attributes().getJsonObject("accessToken", user.principal());
          String tokenId = claims.getString("jti");
          if (tokenId == null || ended.contains(tokenId)) {
            return Future.failedFuture(Failure.unauthenticated("this session has ended; sign in again"));
          }
          Set<Role> roles = new HashSet<>();
          claims.getJsonArray("roles", new JsonArray()).forEach(r -> roles.add(Role.of((String) r)));
          return Future.succeededFuture(new Principal(claims.getLong("uid"), claims.getString("sub"), claims.getString("name"),
              claims.getString("agency"), claims.getString("lang"), Set.copyOf(roles), tokenId,
              Instant.ofEpochSecond(claims.getLong("exp"))));
        });
  }

  public static OffsetDateTime utc(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }

  static String describe(Set<Role> roles) {
    return roles.stream().map(Role::code).sorted().collect(Collectors.joining(","));
  }
}
