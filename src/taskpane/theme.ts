/**
 * The Fluent theme matching Office's: dark when Office's body background is dark, high contrast
 * when the system forces colours (Windows high contrast), else light.
 */
import { teamsHighContrastTheme, webDarkTheme, webLightTheme, type Theme } from "@fluentui/react-components";

/** Relative luminance (WCAG) of a `#RRGGBB` colour; undefined when it is not one. */
export function luminance(hex: string | undefined): number | undefined {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex?.trim() ?? "");
  if (!m) return undefined;
  const channel = (h: string | undefined): number => {
    const c = parseInt(h ?? "0", 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(m[1]) + 0.7152 * channel(m[2]) + 0.0722 * channel(m[3]);
}

export type ThemeName = "light" | "dark" | "highContrast";

export function themeName(
  officeTheme: { readonly bodyBackgroundColor?: string } | undefined,
  forcedColors: boolean,
): ThemeName {
  if (forcedColors) return "highContrast";
  const l = luminance(officeTheme?.bodyBackgroundColor);
  return l !== undefined && l < 0.2 ? "dark" : "light";
}

export const THEMES: Readonly<Record<ThemeName, Theme>> = {
  light: webLightTheme,
  dark: webDarkTheme,
  highContrast: teamsHighContrastTheme,
};
