'use strict';
// Checks every node's and credential's themed icon pair before it is bundled: n8n shows a broken
// image (or an invisible one in one theme) when a file is missing, the pair is identical, or the
// SVG has no viewBox to scale by.
const fs = require('fs');
const path = require('path');

function iconFilesOf(declaredIcon, sourceDir, owner) {
	if (
		!declaredIcon ||
		typeof declaredIcon !== 'object' ||
		!declaredIcon.light ||
		!declaredIcon.dark
	) {
		return [`${owner}: icon must be { light: 'file:…svg', dark: 'file:…svg' }`];
	}
	return [declaredIcon.light, declaredIcon.dark].map((ref) => {
		if (!ref.startsWith('file:')) return `${owner}: icon "${ref}" is not a file: reference`;
		return path.resolve(sourceDir, ref.slice('file:'.length));
	});
}

/**
 * @param {{ owner: string, icon: unknown, sourceDir: string }[]} declarations
 * @returns {{ problems: string[], files: string[] }}
 */
function checkIcons(declarations) {
	const problems = [];
	const files = new Set();
	for (const { owner, icon, sourceDir } of declarations) {
		const resolved = iconFilesOf(icon, sourceDir, owner);
		const paths = resolved.filter((entry) => path.isAbsolute(entry));
		problems.push(...resolved.filter((entry) => !path.isAbsolute(entry)));
		const contents = [];
		for (const file of paths) {
			if (!fs.existsSync(file)) {
				problems.push(`${owner}: icon file ${path.relative(process.cwd(), file)} does not exist`);
				continue;
			}
			const svg = fs.readFileSync(file, 'utf8');
			if (!/<svg\b[^>]*\bviewBox\s*=\s*"[^"]+"/i.test(svg)) {
				problems.push(`${owner}: ${path.basename(file)} has no viewBox on its <svg> element`);
			}
			contents.push(svg);
			files.add(file);
		}
		if (contents.length === 2 && contents[0] === contents[1]) {
			problems.push(`${owner}: light and dark icons are identical; the dark one must differ`);
		}
	}
	return { problems, files: [...files] };
}

module.exports = { checkIcons };
