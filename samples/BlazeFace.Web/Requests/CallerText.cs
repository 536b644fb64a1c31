namespace BlazeFace.Web.Requests;

/// <summary>A caller's own text quoted back in a problem detail: at most 40 characters, control characters as '?', so the detail stays one line.</summary>
internal static class CallerText
{
    public static string Quote(string? text)
    {
        string head = text is null ? string.Empty : text.Length <= 40 ? text : text[..40] + "...";
        return "'" + string.Create(head.Length, head, static (destination, source) =>
        {
            for (int i = 0; i < source.Length; i++)
            {
                destination[i] = char.IsControl(source[i]) ? '?' : source[i];
            }
        }) + "'";
    }
}
