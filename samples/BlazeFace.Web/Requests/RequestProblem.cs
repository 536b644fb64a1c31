namespace BlazeFace.Web.Requests;

/// <summary>
/// Why a request is refused: its HTTP status (400, 413, 415, 429) and one sentence for the caller, written as RFC 9457
/// problem details by <see cref="ProblemResponses"/>. The detail is always the server's own text, never an exception's.
/// </summary>
internal sealed record RequestProblem(int Status, string Detail)
{
    public static RequestProblem BadRequest(string detail) => new(StatusCodes.Status400BadRequest, detail);

    public static RequestProblem TooLarge(string detail) => new(StatusCodes.Status413PayloadTooLarge, detail);

    public static RequestProblem UnsupportedMediaType(string detail) => new(StatusCodes.Status415UnsupportedMediaType, detail);

    public static RequestProblem Busy(string detail) => new(StatusCodes.Status429TooManyRequests, detail);
}
