package org.vigie.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.context.request.async.AsyncRequestNotUsableException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import org.vigie.shared.Reason;

/**
 * One place that turns exceptions into answers. The API ({@code /api/**}) gets RFC 9457 problem
 * JSON; htmx requests get an error fragment (and {@code HX-Retarget} to the page's error area);
 * full pages get an error page. Bad input is a 400, a missing thing a 404, a forbidden change a
 * 403, never a 500.
 */
@ControllerAdvice
class ErrorAdvice {

	private static final Logger log = LoggerFactory.getLogger(ErrorAdvice.class);

	private final ShellAdvice shell;

	private final MessageSource messages;

	ErrorAdvice(ShellAdvice shell, MessageSource messages) {
		this.shell = shell;
		this.messages = messages;
	}

	/** A body that is not the JSON (or form) the endpoint reads: the client's mistake, said as such. */
	@ExceptionHandler(HttpMessageNotReadableException.class)
	Object unreadable(HttpMessageNotReadableException e, HttpServletRequest request, HttpServletResponse response) {
		return answer(HttpStatus.BAD_REQUEST, "error.unreadable-body", request, response);
	}

	@ExceptionHandler({ IllegalArgumentException.class, MissingServletRequestParameterException.class,
			MethodArgumentTypeMismatchException.class })
	Object badRequest(Exception e, HttpServletRequest request, HttpServletResponse response) {
		return answer(HttpStatus.BAD_REQUEST, e.getMessage(), request, response);
	}

	@ExceptionHandler(NotFoundException.class)
	Object notFound(NotFoundException e, HttpServletRequest request, HttpServletResponse response) {
		return answer(HttpStatus.NOT_FOUND, e.getMessage(), request, response);
	}

	@ExceptionHandler(NoResourceFoundException.class)
	Object noResource(NoResourceFoundException e, HttpServletRequest request, HttpServletResponse response) {
		return answer(HttpStatus.NOT_FOUND, "error.not-found", request, response);
	}

	/** A query string or form the server cannot decode (bad percent-encoding, invalid UTF-8): the request is wrong. */
	@ExceptionHandler(InvalidParameterException.class)
	Object undecodable(InvalidParameterException e, HttpServletRequest request, HttpServletResponse response) {
		return answer(HttpStatus.BAD_REQUEST, "error.bad-parameters", request, response);
	}

	@ExceptionHandler(IllegalStateException.class)
	Object conflict(IllegalStateException e, HttpServletRequest request, HttpServletResponse response) {
		return answer(HttpStatus.CONFLICT, e.getMessage(), request, response);
	}

	@ExceptionHandler(AccessDeniedException.class)
	Object forbidden(AccessDeniedException e, HttpServletRequest request, HttpServletResponse response) {
		return answer(HttpStatus.FORBIDDEN, "error.forbidden", request, response);
	}

	@ExceptionHandler(AuthenticationCredentialsNotFoundException.class)
	Object unauthorized(Exception e, HttpServletRequest request, HttpServletResponse response) {
		return answer(HttpStatus.UNAUTHORIZED, "error.unauthorized", request, response);
	}

	@ExceptionHandler(ResponseStatusException.class)
	Object status(ResponseStatusException e, HttpServletRequest request, HttpServletResponse response) {
		return answer(HttpStatus.valueOf(e.getStatusCode().value()), e.getReason(), request, response);
	}

	/** A live stream whose browser went away (tab closed, page left): nothing to answer, nothing wrong. */
	@ExceptionHandler(AsyncRequestNotUsableException.class)
	void disconnected(AsyncRequestNotUsableException e, HttpServletRequest request) {
		log.debug("Client left {} {}", request.getMethod(), request.getRequestURI());
	}

	@ExceptionHandler(Exception.class)
	Object unexpected(Exception e, HttpServletRequest request, HttpServletResponse response) {
		if (e instanceof ErrorResponse known && known.getStatusCode().is4xxClientError()) {
			// Spring MVC's own refusals (wrong method, media type, missing part…): the client's mistake.
			HttpStatus status = HttpStatus.valueOf(known.getStatusCode().value());
			return answer(status, known.getBody().getDetail(), request, response);
		}
		log.error("Unexpected error on {} {}", request.getMethod(), request.getRequestURI(), e);
		return answer(HttpStatus.INTERNAL_SERVER_ERROR, "error.unexpected", request, response);
	}

	private Object answer(HttpStatus status, String message, HttpServletRequest request,
			HttpServletResponse response) {
		String detail = message == null ? "error.unexpected" : message;
		if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
			// The API speaks English unless the client asks for another language; a message key (or an encoded
			// reason, such as a network's refusal) becomes its words, and stays available to programs as "code".
			String words = Messages.forApi(messages, request).t(detail);
			ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, words);
			String code = Reason.codeOf(detail);
			if (code != null) {
				problem.setProperty("code", code);
			}
			else if (!words.equals(detail)) {
				problem.setProperty("code", detail);
			}
			return ResponseEntity.status(status).body(problem);
		}
		ModelAndView view = new ModelAndView("true".equals(request.getHeader("HX-Request")) ? "shell/error-fragment" : "shell/error");
		view.setStatus(status);
		view.addObject("page", shell.page(request));
		view.addObject("status", status.value());
		view.addObject("messageKey", detail);
		if ("true".equals(request.getHeader("HX-Request"))) {
			response.setHeader("HX-Retarget", "#flash");
			response.setHeader("HX-Reswap", "innerHTML");
		}
		return view;
	}
}
