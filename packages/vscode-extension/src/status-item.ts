import * as vscode from 'vscode';
import { countFindings, describeCount } from './findings-count';

/** Status bar item with the number of findings the server reported, across all open documents. */
export class FindingsStatusItem implements vscode.Disposable {
  private readonly item: vscode.StatusBarItem;
  private readonly subscription: vscode.Disposable;

  constructor() {
    this.item = vscode.window.createStatusBarItem('onlineIdentifiers.findings', vscode.StatusBarAlignment.Left, 0);
    this.item.name = 'Online Identifiers findings';
    this.item.command = 'workbench.actions.view.problems';
    this.subscription = vscode.languages.onDidChangeDiagnostics(() => this.update());
    this.update();
    this.item.show();
  }

  /** Shown instead of the count while the server is not running. */
  showError(message: string): void {
    this.item.text = '$(shield) $(error)';
    this.item.tooltip = `Online Identifiers: ${message}`;
  }

  update(): void {
    const { text, tooltip } = describeCount(countFindings(vscode.languages.getDiagnostics()));
    this.item.text = text;
    this.item.tooltip = tooltip;
  }

  dispose(): void {
    this.subscription.dispose();
    this.item.dispose();
  }
}
