/**
 * English messages: the source locale. Every key here must exist in zh-CN and zh-TW (the
 * types enforce it) and be used somewhere in src (a unit test enforces it). Placeholders are
 * written {name}.
 */
export const en = {
	'app.name': 'CRM Strategy Workbench',
	'app.language': 'Language',
	'app.skipToContent': 'Skip to main content',
	'app.startFailed': 'The workbench could not open its local database',
	'app.startFailedHint':
		'Your data has not been changed. Close other tabs of the workbench and reload; if this keeps happening, check that the browser allows site storage.',

	'common.cancel': 'Cancel',
	'common.save': 'Save',
	'common.undo': 'Undo',
	'common.dismiss': 'Dismiss',
	'common.loading': 'Loading…',

	'nav.areas': 'Engagement areas',
	'nav.overview': 'Overview',

	'engagements.title': 'Engagements',
	'engagements.new': 'New engagement',
	'engagements.import': 'Import…',
	'engagements.empty.title': 'No engagements yet',
	'engagements.empty.body':
		'An engagement holds one client’s CRM programme: its profile, team, strategy and plans. Start a blank one, begin from a starter, or explore the sample programme of a regional bank.',
	'engagements.empty.openSample': 'Open the sample engagement',
	'engagements.showArchived': 'Show archived ({count})',
	'engagements.noneArchived': 'Nothing is archived.',
	'engagements.allArchived': 'All engagements are archived. Tick “Show archived” to see them.',
	'engagements.archivedCaption': 'Archived engagements',
	'engagements.col.name': 'Name',
	'engagements.col.client': 'Client',
	'engagements.col.industry': 'Industry',
	'engagements.col.updated': 'Last change',
	'engagements.col.actions': 'Actions',
	'engagements.rename': 'Rename',
	'engagements.renameLabel': 'Rename {name}',
	'engagements.renameTitle': 'Rename engagement',
	'engagements.duplicate': 'Duplicate',
	'engagements.duplicateLabel': 'Duplicate {name}',
	'engagements.duplicated': 'Made a copy of “{name}”.',
	'engagements.openCopy': 'Open the copy',
	'engagements.copyName': '{name} (copy)',
	'engagements.export': 'Export',
	'engagements.exportLabel': 'Export {name} as a file',
	'engagements.archive': 'Archive',
	'engagements.archiveLabel': 'Archive {name}',
	'engagements.unarchive': 'Restore',
	'engagements.unarchiveLabel': 'Restore {name} from the archive',
	'engagements.archived': '“{name}” is archived.',
	'engagements.unarchived': '“{name}” is back in the list.',
	'engagements.delete': 'Delete',
	'engagements.deleteLabel': 'Delete {name}',
	'engagements.deleteTitle': 'Delete this engagement?',
	'engagements.deleteBody': 'Deleting “{name}” removes everything in it:',
	'engagements.deleteWhatProfile': 'the profile (client: {client}) and notes',
	'engagements.deleteWhatTeam': 'the project team ({count} people)',
	'engagements.deleteWhatHistory': 'its undo history',
	'engagements.deleteUndoHint':
		'For the next {minutes} minutes you can restore it from “Recently deleted”. To keep a copy for good, export the engagement first.',
	'engagements.recentlyDeleted': 'Recently deleted',
	'engagements.recentlyDeletedHint':
		'Deleted engagements can be restored for {minutes} minutes; after that they are removed for good.',
	'engagements.deletedAgo': 'deleted {time}',
	'engagements.restoreDeleted': 'Restore',
	'engagements.restoreDeletedLabel': 'Restore {name}',
	'engagements.restored': '“{name}” is back.',
	'engagements.deleteConfirm': 'Delete engagement',
	'engagements.deleted': 'Deleted “{name}”.',
	'engagements.error.load': 'The list of engagements could not be read: {detail}',
	'engagements.error.create': 'The engagement could not be created: {detail}',

	'newEngagement.title': 'New engagement',
	'newEngagement.sampleTitle': 'Open the sample engagement',
	'newEngagement.startFrom': 'Start from',
	'newEngagement.blank': 'Blank engagement',
	'newEngagement.blankHint': 'An empty profile that you fill in yourself.',
	'newEngagement.sampleBadge': 'Sample',
	'newEngagement.contentLanguage': 'Language of the content',
	'newEngagement.contentLanguageHint':
		'Starter texts are copied in this language; it also becomes the report language.',
	'newEngagement.brokenStarters': 'Some starter files could not be read and are not offered:',
	'newEngagement.create': 'Create',
	'newEngagement.openSample': 'Create and open',

	'import.title': 'Import an engagement',
	'import.titleReplace': 'Replace “{name}” from a file',
	'import.intro':
		'Choose an engagement file exported from the workbench (.crmws.json). It is checked before anything changes.',
	'import.file': 'Engagement file',
	'import.summary': '{team} team members · exported {exported}',
	'import.how': 'How to import',
	'import.asNew': 'Add as a new engagement',
	'import.replaceExisting': 'Replace an existing engagement',
	'import.replaceWhich': 'Engagement to replace',
	'import.choose': 'Choose…',
	'import.sameEngagement': 'same engagement',
	'import.confirmReplace':
		'I understand that the current content of “{name}” will be replaced (the replacement can be undone inside the engagement).',
	'import.confirmNeeded': 'Tick the box to confirm the replacement first.',
	'import.doImport': 'Import',
	'import.doReplace': 'Replace',
	'import.added': 'Imported “{name}” as a new engagement.',
	'import.replaced': 'Replaced the content of “{name}”.',
	'import.error.tooLarge':
		'“{file}” is {size} MB; engagement files can be at most {limit} MB. Check that you chose the right file.',
	'import.error.notJson':
		'“{file}” is not a JSON file, or it is damaged. Choose a file exported from the workbench.',
	'import.error.tooDeep':
		'“{file}” nests data more than {limit} levels deep, which no engagement file does. It was not imported.',
	'import.error.forbiddenKey':
		'“{file}” contains the key “{key}” (at {path}), which is not allowed for safety. It was not imported.',
	'import.error.wrongKind':
		'“{file}” is JSON but not a workbench engagement file. Export the engagement from the workbench and import that file.',
	'import.error.badVersion':
		'“{file}” has no valid format version. Export the engagement again from the workbench.',
	'import.error.newerVersion':
		'“{file}” was made by a newer version of the workbench (format {found}; this one reads up to {supported}). Update the workbench, then import it again.',
	'import.error.invalid':
		'“{file}” is an engagement file, but some of its content is not valid. Nothing was imported. Fix these places, or export the file again:',
	'import.error.problem': '{path}: {message}',
	'import.error.failed': 'The import stopped and nothing was changed: {detail}',

	'workspace.saved': 'All changes saved',
	'workspace.saving': 'Saving…',
	'workspace.saveFailed': 'Not saved: {detail}',
	'workspace.undo': 'Undo',
	'workspace.redo': 'Redo',
	'workspace.undoShortcut': 'Undo (Ctrl+Z or ⌘Z)',
	'workspace.redoShortcut': 'Redo (Shift+Ctrl+Z or ⇧⌘Z)',
	'workspace.export': 'Export',
	'workspace.exported': 'Saved {file} to your downloads.',
	'workspace.importReplace': 'Replace from file…',
	'workspace.missing': 'This engagement is not here',
	'workspace.missingHint':
		'It may have been deleted, or the link comes from another device. Engagements live in this browser only until you export them.',
	'workspace.backToList': 'Back to the engagements',
	'workspace.openFailed': 'The engagement could not be opened',

	'profile.title': 'Engagement profile',
	'profile.intro':
		'Who the programme is for and how its reports are set up. Changes are saved as you type.',
	'profile.name': 'Engagement name',
	'profile.client': 'Client',
	'profile.industry': 'Industry',
	'profile.companySize': 'Company size',
	'profile.companySize.unset': 'Not set',
	'profile.companySize.sme': 'Small or mid-size (SME)',
	'profile.companySize.enterprise': 'Large enterprise',
	'profile.region': 'Region',
	'profile.currency': 'Currency',
	'profile.currencyExample': 'Amounts will look like {amount}',
	'profile.reportLanguage': 'Report language',
	'profile.fiscalYearStart': 'Fiscal year starts in',
	'profile.sponsor': 'Executive sponsor',
	'profile.sponsorHint': 'The executive who sets the targets and backs the programme.',
	'profile.consultant': 'Consultant or lead',
	'profile.notes': 'Notes',
	'profile.error.nameRequired': 'Give the engagement a name.',

	'team.title': 'Project team',
	'team.add': 'Add a person',
	'team.empty':
		'No one yet. A CRM project team usually has an executive sponsor, management, IT, sales and marketing users, finance, and outside CRM experts.',
	'team.name': 'Name',
	'team.role': 'Role',
	'team.side': 'Side',
	'team.email': 'Email',
	'team.nameOf': 'Name of person {n}',
	'team.roleOf': 'Role of person {n}',
	'team.sideOf': 'Side of person {n}',
	'team.emailOf': 'Email of person {n}',
	'team.side.client': 'Client',
	'team.side.consultancy': 'Consultancy',
	'team.side.vendor': 'Vendor',
	'team.remove': 'Remove',
	'team.removeLabel': 'Remove {name}',
	'team.removeUnnamed': 'Remove person {n}',
	'team.error.email': 'This is not an email address; it should look like name@example.com.'
} as const;

export type MessageKey = keyof typeof en;
export type Messages = Record<MessageKey, string>;
