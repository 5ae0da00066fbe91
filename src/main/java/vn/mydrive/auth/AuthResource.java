package vn.mydrive.auth;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import vn.mydrive.platform.security.CallerAttributes;
import vn.mydrive.platform.security.Roles;
import vn.mydrive.platform.security.TokenPrincipal;
import vn.mydrive.platform.web.ClientAddresses;
import vn.mydrive.platform.web.InvalidRequestException;
import vn.mydrive.platform.web.NotSignedInException;

/** Accounts over JSON: register, sign in, sign out, and who am I. */
@Path("auth")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class AuthResource {

    /** Body of register; {@code confirmPassword}, when sent, must equal {@code password}. */
    public record RegisterRequest(String username, String password, String confirmPassword) {
    }

    /**
     * Body of login. {@code takeOver} ends a session of the account still held elsewhere; {@code idleSeconds}
     * asks for a shorter idle timeout than the server's (a shared computer); {@code deviceToken} is the one this
     * client got at an earlier sign-in.
     */
    public record LoginRequest(String username, String password, Boolean takeOver, Long idleSeconds,
                               String deviceToken) {
    }

    public record RegisterResponse(String message, String username) {
    }

    public record LoginResponse(String token, Instant expiresAt, String username, Set<String> roles,
                                long idleSeconds, String deviceToken) {
    }

    public record MeResponse(String username, Set<String> roles, Instant signedInAt) {
    }

    @Inject
    AuthService auth;

    @Inject
    ClientAddresses clientAddresses;

    @Inject
    SignInCookies cookie;

    @Context
    HttpServletRequest request;

    @Context
    HttpServletResponse response;

    @POST
    @Path("register")
    @PermitAll
    @Consumes(MediaType.APPLICATION_JSON)
    public Response register(RegisterRequest body) {
        RegisterRequest in = body == null ? new RegisterRequest(null, null, null) : body;
        String username = auth.register(in.username(), in.password(), in.confirmPassword(), clientAddresses.of(request));
        return Response.status(Response.Status.CREATED)
                .entity(new RegisterResponse("User registered successfully", username))
                .build();
    }

    @POST
    @Path("login")
    @PermitAll
    @Consumes(MediaType.APPLICATION_JSON)
    public LoginResponse login(LoginRequest body) {
        LoginRequest in = body == null ? new LoginRequest(null, null, false, null, null) : body;
        if (in.idleSeconds() != null && in.idleSeconds() < 1) {
            throw new InvalidRequestException("invalid_idle_timeout", "idleSeconds is a positive number of seconds.");
        }
        String device = in.deviceToken() != null ? in.deviceToken() : cookie.device(request);
        SignIn signIn = auth.signIn(new SignInAttempt(in.username(), in.password(), Boolean.TRUE.equals(in.takeOver()),
                Optional.ofNullable(in.idleSeconds()).map(Duration::ofSeconds), device, clientAddresses.of(request)));
        return new LoginResponse(signIn.token(), signIn.expiresAt(), signIn.username(), new TreeSet<>(signIn.roles()),
                signIn.idleTimeout().toSeconds(), signIn.deviceToken());
    }

    @POST
    @Path("logout")
    @RolesAllowed({Roles.USER, Roles.ADMIN})
    public Response logout() {
        TokenPrincipal caller = caller();
        auth.signOut(caller.getName(), caller.getTokenID(), clientAddresses.of(request));
        if ("cookie".equals(request.getAttribute(CallerAttributes.TOKEN_SOURCE))) {
            cookie.clear(request, response);
        }
        return Response.noContent().build();
    }

    /** Body of an account deletion: the account's password, typed again. */
    public record DeleteAccountRequest(String password) {
    }

    /** Deletes the caller's account and everything it owns (see {@link AuthService#deleteOwnAccount}). */
    @POST
    @Path("account/delete")
    @RolesAllowed({Roles.USER, Roles.ADMIN})
    @Consumes(MediaType.APPLICATION_JSON)
    public Response deleteAccount(DeleteAccountRequest body) {
        TokenPrincipal caller = caller();
        auth.deleteOwnAccount(caller.getName(), body == null ? null : body.password(), clientAddresses.of(request));
        cookie.clear(request, response);
        return Response.noContent().build();
    }

    @GET
    @Path("me")
    @RolesAllowed({Roles.USER, Roles.ADMIN})
    public MeResponse me() {
        TokenPrincipal caller = caller();
        return auth.currentSession(caller.getName(), caller.getTokenID())
                .map(s -> new MeResponse(s.username(), new TreeSet<>(s.roles()), s.signedInAt()))
                .orElseThrow(() -> new NotSignedInException("session_ended", "This session has ended."));
    }

    private TokenPrincipal caller() {
        return (TokenPrincipal) request.getAttribute(CallerAttributes.TOKEN);
    }

}
