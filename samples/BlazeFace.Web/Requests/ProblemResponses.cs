using Microsoft.AspNetCore.WebUtilities;

namespace BlazeFace.Web.Requests;

/// <summary>
/// Problem details (RFC 9457) as the server writes every refusal: <c>application/problem+json</c> on one line, with
/// <c>type</c> (ASP.NET Core's link to the status's definition, where it has one), <c>title</c> (the status's reason phrase), <c>status</c> and <c>detail</c> (the server's own sentence).
/// A 429 also says when to try again (<c>Retry-After</c>).
/// </summary>
internal static class ProblemResponses
{
    public static IResult For(RequestProblem problem, HttpContext context)
    {
        if (problem.Status == StatusCodes.Status429TooManyRequests)
        {
            context.Response.Headers.RetryAfter = "1";
        }

        return Results.Problem(
            detail: problem.Detail,
            statusCode: problem.Status,
            title: ReasonPhrases.GetReasonPhrase(problem.Status));
    }
}
