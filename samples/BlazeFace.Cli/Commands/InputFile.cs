namespace BlazeFace.Cli.Commands;

/// <summary>One image file a command reads.</summary>
/// <param name="Path">The path as the results print it: the argument itself, or the folder argument joined with the file's place in it.</param>
/// <param name="RelativePath">
/// Where the file lies below the argument that named it, '/' between folders (its file name when the argument was the
/// file itself): the same on every machine that mounts the library elsewhere, so <c>--shard</c> hashes it.
/// </param>
internal readonly record struct InputFile(string Path, string RelativePath);
