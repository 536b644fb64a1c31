namespace BlazeFace.Search;

/// <summary>One tile of a tiled search: a rectangle of a search frame's canvas, in canvas pixels.</summary>
/// <param name="X">Left edge.</param>
/// <param name="Y">Top edge.</param>
/// <param name="Width">Width.</param>
/// <param name="Height">Height.</param>
internal readonly record struct TileWindow(double X, double Y, double Width, double Height);
