using System.Text.Json;

namespace BlazeFace.Web.Tests.Support;

/// <summary>Compares two results in the CLI's JSON schema for one image.</summary>
internal static class DetectionResults
{
    /// <summary>
    /// Asserts the same size, model and faces, value for value (scores, boxes, roll, every keypoint's name and
    /// position): the same detector on the same pixels gives the very same numbers. The <c>"image"</c> names differ
    /// (a path for the CLI, the uploaded file's name for the server) and are not compared.
    /// </summary>
    public static void AssertSame(JsonElement expected, JsonElement actual)
    {
        Assert.That(Names(actual), Is.EqualTo(Names(expected)), "the properties of the result");
        foreach (string property in (string[])["width", "height", "model"])
        {
            Assert.That(actual.GetProperty(property).ToString(), Is.EqualTo(expected.GetProperty(property).ToString()), property);
        }

        JsonElement[] expectedFaces = [.. expected.GetProperty("faces").EnumerateArray()];
        JsonElement[] actualFaces = [.. actual.GetProperty("faces").EnumerateArray()];
        Assert.That(actualFaces, Has.Length.EqualTo(expectedFaces.Length), "faces");
        for (int i = 0; i < expectedFaces.Length; i++)
        {
            Assert.That(Flatten(actualFaces[i]), Is.EqualTo(Flatten(expectedFaces[i])), $"face {i}");
        }
    }

    private static string[] Names(JsonElement result) => [.. result.EnumerateObject().Select(property => property.Name)];

    /// <summary>Every leaf of a face as "path=value", numbers read as the 32-bit floats the server wrote.</summary>
    private static List<string> Flatten(JsonElement element, string path = "")
    {
        var leaves = new List<string>();
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (JsonProperty property in element.EnumerateObject())
                {
                    leaves.AddRange(Flatten(property.Value, $"{path}.{property.Name}"));
                }

                break;
            case JsonValueKind.Array:
                int index = 0;
                foreach (JsonElement item in element.EnumerateArray())
                {
                    leaves.AddRange(Flatten(item, $"{path}[{index++}]"));
                }

                break;
            case JsonValueKind.Number:
                leaves.Add($"{path}={element.GetSingle():R}");
                break;
            default:
                leaves.Add($"{path}={element}");
                break;
        }

        return leaves;
    }
}
