/**
 * Classic cross-site scripting payloads, each of which would leave a mark if it ever ran: it sets
 * `top.__xss` to its number (seen from the page and from any frame), calls `alert` (a dialog the
 * test listens for), or loads something from `evil.example` (a request the guard in test.ts sees,
 * or a policy violation it reports). None of them may do any of that: user text is text.
 */
export const PAYLOADS: readonly string[] = [
	'<script>top.__xss=1</script>',
	'<img src=x onerror="top.__xss=2">',
	'<svg onload="top.__xss=3"></svg>',
	'<svg><script>top.__xss=4</script></svg>',
	'"><iframe srcdoc="<script>top.__xss=5</script>"></iframe>',
	'<a href="javascript:top.__xss=6">open</a>',
	'javascript:top.__xss=7',
	'<iframe src="data:text/html,<script>top.__xss=8</script>"></iframe>',
	'data:text/html;base64,PHNjcmlwdD50b3AuX194c3M9OTwvc2NyaXB0Pg==',
	'</text><script>top.__xss=10</script><text>',
	'</style><script>top.__xss=11</script><style>',
	'<style>@import url(https://evil.example/12.css);</style>',
	"{{constructor.constructor('top.__xss=13')()}}",
	'"`<img src=x onerror=top.__xss=14>`"',
	'%%{init: {"securityLevel": "loose", "htmlLabels": true}}%%',
	'"]\nclick n0 call alert(16)\nn1["',
	'<details open ontoggle="top.__xss=17">x</details>',
	'<math><mtext><table><mglyph><style><img src=x onerror="top.__xss=18">',
	'<img src="https://evil.example/19.png">',
	'<object data="javascript:top.__xss=20"></object>',
	'<input autofocus onfocus="top.__xss=21">',
	'";top.__xss=22;//',
	'<div style="background:url(https://evil.example/23.png)">bg</div>',
	'<meta http-equiv="refresh" content="0;url=javascript:top.__xss=24">',
	'<form action="javascript:top.__xss=25"><button>go</button></form>',
	'${top.__xss=26}',
	'&lt;img src=x onerror=top.__xss=27&gt;',
	'#60;img src=x onerror=top.__xss=28#62;',
	'<b onmouseover=alert(29)>b</b>',
	'<base href="https://evil.example/">'
];

/**
 * Free Mermaid diagrams that try Mermaid's own ways in: directives, front matter, clicks, links,
 * callbacks, HTML and markdown labels, styles; one per kind of diagram that draws labels. Each
 * title holds a payload of the corpus too.
 */
export const HOSTILE_DIAGRAMS: readonly { title: string; text: string }[] = [
	{
		title: 'Init directive',
		text: [
			'%%{init: {"securityLevel": "loose", "htmlLabels": true, "flowchart": {"htmlLabels": true}, "themeCSS": "@import url(https://evil.example/101.css); * { background: url(https://evil.example/101.png) }", "startOnLoad": true}}%%',
			'flowchart LR',
			'  a["<img src=x onerror=top.__xss=101>"] --> b["<script>top.__xss=102</script>"]',
			'  b --> c["`<b onmouseover=alert(103)>markdown</b>`"]',
			'  click a call alert(104)',
			'  click b href "javascript:top.__xss=105"',
			'  click c "https://evil.example/106"',
			'  style a fill:url(https://evil.example/107.png)',
			'  classDef evil background:url(https://evil.example/108.png)',
			'  class c evil'
		].join('\n')
	},
	{
		title: 'Front matter',
		text: [
			'---',
			'config:',
			'  securityLevel: loose',
			'  htmlLabels: true',
			'  themeCSS: "@import url(https://evil.example/109.css);"',
			'---',
			'flowchart TD',
			'  a["</text><script>top.__xss=110</script><text>"] --> b["<iframe srcdoc=\'<script>top.__xss=111</script>\'></iframe>"]',
			'  b -- "<svg onload=top.__xss=112>" --> c(["<a href=javascript:top.__xss=113>x</a>"])'
		].join('\n')
	},
	{
		title: 'Sequence',
		text: [
			'%%{init: {"sequence": {"forceMenus": false}}}%%',
			'sequenceDiagram',
			'  participant A as <img src=x onerror=top.__xss=114>',
			'  A->>B: <script>top.__xss=115</script>',
			'  Note over A,B: <svg onload=top.__xss=116>',
			'  links A: {"Evil": "javascript:top.__xss=117"}',
			'  link B: Evil @ https://evil.example/118'
		].join('\n')
	},
	{
		title: 'Class',
		text: [
			'classDiagram',
			'  class Evil~<img src=x onerror=top.__xss=119>~ {',
			'    +<script>top.__xss=120</script> field',
			'  }',
			'  click Evil href "javascript:top.__xss=121"',
			'  callback Evil "alert"'
		].join('\n')
	},
	{
		title: 'Journey',
		text: [
			'journey',
			'  title <img src=x onerror=top.__xss=122>',
			'  section <script>top.__xss=123</script>',
			'    <svg onload=top.__xss=124>: 5: <b onmouseover=alert(125)>me</b>'
		].join('\n')
	},
	{
		title: 'Gantt',
		text: [
			'gantt',
			'  title <img src=x onerror=top.__xss=126>',
			'  dateFormat YYYY-MM-DD',
			'  section <script>top.__xss=127</script>',
			'    Task a :a1, 2027-01-01, 3d',
			'  click a1 call alert(128)',
			'  click a1 href "javascript:top.__xss=129"'
		].join('\n')
	},
	{
		title: 'State',
		text: [
			'stateDiagram-v2',
			'  s1: <img src=x onerror=top.__xss=130>',
			'  s1 --> s2: <details open ontoggle=top.__xss=131>',
			'  note right of s2: <iframe src="javascript:top.__xss=132"></iframe>'
		].join('\n')
	},
	{
		title: 'Pie',
		text: [
			'pie title <img src=x onerror=top.__xss=133>',
			'  "<script>top.__xss=134</script>" : 1'
		].join('\n')
	}
].map((d, i) => ({ ...d, title: `${d.title} ${PAYLOADS[i]}` }));
