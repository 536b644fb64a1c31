using System.Net;
using System.Text.Json;

namespace BlazeFace.Web.Tests.Support;

/// <summary>What every refusal must look like: RFC 9457 problem details on one line, with the status, and nothing of an exception.</summary>
internal static class ProblemAssertions
{
    /// <summary>Asserts the response is a problem with this status, and returns its detail.</summary>
    public static async Task<string> AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        string body = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(status), body);
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
        Assert.That(body, Does.Not.Contain('\n'), "one line");
        AssertNoExceptionText(body);
        using JsonDocument problem = JsonDocument.Parse(body);
        Assert.That(problem.RootElement.GetProperty("status").GetInt32(), Is.EqualTo((int)status));
        Assert.That(problem.RootElement.GetProperty("title").GetString(), Is.Not.Empty);
        return problem.RootElement.TryGetProperty("detail", out JsonElement detail) ? detail.GetString()! : string.Empty;
    }

    /// <summary>No exception type, stack frame or source path in a text a caller sees.</summary>
    public static void AssertNoExceptionText(string text) =>
        Assert.That(text, Does.Not.Contain("Exception").And.Not.Contain("   at ").And.Not.Contain(".cs:line"));
}
