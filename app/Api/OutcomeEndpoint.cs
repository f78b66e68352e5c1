using FastEndpoints;
using Slices.Auth;

namespace Slices.Api;

/// <summary>An endpoint that adapts a handler's <see cref="Outcome{T}"/> to HTTP.</summary>
public abstract class OutcomeEndpoint<TRequest, TResponse> : Endpoint<TRequest, TResponse>
    where TRequest : notnull
{
    protected Viewer Viewer => Viewer.From(User);

    /// <summary>True when the body could not be bound, which endpoints that set DontThrowIfValidationFails must check first.</summary>
    protected bool BodyIsInvalidJson =>
        ValidationFailures.Any(failure => failure.ErrorCode == ApiExtensions.InvalidJsonErrorCode);

    /// <summary>
    /// Sends 200 with the value of a successful outcome, mapped by <paramref name="toResponse"/>, or the response of
    /// <see cref="SendFailureAsync{T}"/> for a failed one.
    /// </summary>
    protected Task SendOkOrFailureAsync<T>(Outcome<T> outcome, Func<T, TResponse> toResponse, string detail, CancellationToken cancellation)
        where T : class =>
        outcome.Value is { } value
            ? Send.OkAsync(toResponse(value), cancellation)
            : SendFailureAsync(outcome, detail, cancellation);

    /// <summary>
    /// Sends the problem-details response for a failed outcome: 400 or 409 listing each field, 403 or 404
    /// with <paramref name="detail"/>.
    /// </summary>
    protected async Task SendFailureAsync<T>(Outcome<T> outcome, string detail, CancellationToken cancellation)
        where T : class
    {
        switch (outcome.Status)
        {
            case OutcomeStatus.Invalid:
            case OutcomeStatus.Conflict:
                foreach (var failure in outcome.Failures)
                    AddError(failure);

                var status = outcome.Status == OutcomeStatus.Conflict ? StatusCodes.Status409Conflict : StatusCodes.Status400BadRequest;
                await Send.ErrorsAsync(status, cancellation);
                return;

            case OutcomeStatus.Forbidden:
                await ProblemResponses.SendAsync(HttpContext, StatusCodes.Status403Forbidden, detail);
                return;

            case OutcomeStatus.NotFound:
                await ProblemResponses.SendAsync(HttpContext, StatusCodes.Status404NotFound, detail);
                return;

            default:
                throw new InvalidOperationException($"Outcome {outcome.Status} is not a failure.");
        }
    }
}
